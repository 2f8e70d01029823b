# cli-b (en): the regie reports for people (`spoc report`: the tables, a workbook's sheets and
# column names, the contract watch) and the meeting pack (`spoc report pack`).

## The reports' tables

report-all-contracts = (all)
report-nothing-dispatched = no tickets were dispatched in this period
report-nothing-logged = no tickets were logged in this period
report-legend-1 = met: % of the clocks decided, met of decided, (+N) still running within target · h: business hours
report-legend-2 = to resolve · breaches: open tickets with a breached clock · score: average satisfaction 1-5 (how many)
report-section-per-priority = per priority (contracts set targets per priority)
report-section-times = times, medians in business hours
report-section-norms = against the norms
report-section-experience = experience: how many callers gave each score (remarks in --detail)
report-section-detail = tickets behind these figures
report-verdict-met = met
report-verdict-not-met = NOT MET: { $missed }
report-missed = { $what } { $value } < { $norm }
report-missed-priority = { $priority } { $what } { $value } < { $norm }
report-norm-response = response
report-norm-resolution = resolution
report-norm-satisfaction = satisfaction
report-backlog-title-end = backlog: waiting on the supplier at the end of { $day }, by age in business days of its service window
report-backlog-title-at = backlog: waiting on the supplier at { $at }, by age in business days of its service window
report-longest-title = the longest waits at the period's end
report-kept-title = calls for the supplier's services logged in the period that never reached it
report-first-contact-title = solved at first contact (on the line, by the helpdesk)
report-outcome-met = met
report-outcome-breached = breached
report-outcome-pending = pending
report-bool-true = true
report-bool-false = false
report-age-under-1 = < 1 bd
report-age-1-3 = 1–3 bd
report-age-3-10 = 3–10 bd
report-age-over-10 = > 10 bd
report-wrote = wrote { $path }

## A workbook's sheets

report-sheet-figures = figures
report-sheet-per-priority = per priority
report-sheet-times = times
report-sheet-experience = experience
report-sheet-tickets = tickets

## Column names

report-col-supplier = supplier
report-col-contract = contract
report-col-participant = participant
report-col-top-services = top services
report-col-service = service
report-col-month = month
report-col-dispatched = dispatched
report-col-logged = logged
report-col-response-met = response met
report-col-resolution-met = resolution met
report-col-median-h = median h
report-col-p90-h = p90 h
report-col-breaches = breaches
report-col-reopened = reopened
report-col-score = score
report-col-priority = priority
report-col-tickets = tickets
report-col-response-decided = response decided
report-col-response-met-pct = response met %
report-col-resolution-decided = resolution decided
report-col-resolution-met-pct = resolution met %
report-col-to-respond = to respond
report-col-over-target = over target (breaches)
report-col-held = held before dispatch
report-col-first-contact = first contact
report-col-share = share
report-col-average = average
report-col-waiting = waiting
report-col-ticket = ticket
report-col-business-h = business h
report-col-age = age
report-col-their-ref = their ref
report-col-title = title
report-col-solved-by-desk = solved by the helpdesk
report-col-unroutable = could not be routed
report-col-valid-until = valid until
report-col-notice-by = notice by
report-col-state = state
report-col-days = days

## Column names of the figures and the tickets behind them, as a spreadsheet has them

report-field-response-met-pct = response_met_pct
report-field-resolution-met-pct = resolution_met_pct
report-field-median-resolution-hours = median_resolution_hours
report-field-p90-resolution-hours = p90_resolution_hours
report-field-open-breaches = open_breaches
report-field-satisfaction-avg = satisfaction_avg
report-field-satisfaction-count = satisfaction_count
report-field-median-response-hours = median_response_hours
report-field-median-over-target-hours = median_over_target_hours
report-field-median-held-hours = median_held_hours
report-field-reopened-pct = reopened_pct
report-field-norm = norm
report-field-norm-missed = norm_missed
report-field-score = score_{ $n }
report-field-priority-tickets = { $p }_tickets
report-field-priority-response-met-pct = { $p }_response_met_pct
report-field-priority-resolution-met-pct = { $p }_resolution_met_pct
report-field-supplier-ref = supplier_ref
report-field-from = from
report-field-response = response
report-field-resolution = resolution
report-field-response-hours = response_hours
report-field-resolution-hours = resolution_hours
report-field-over-target-hours = over_target_hours
report-field-held-hours = held_hours
report-field-open-breach = open_breach
report-field-satisfaction = satisfaction
report-field-remark = remark
report-field-solution = solution

## The contract watch

report-watch-title = contracts that end, or whose notice date passes, within { $within } days of { $today }, and those that ended in the last { $ended } days
report-watch-none = none
report-watch-uncovered = services no valid contract covers
report-watch-no-escalation = suppliers without an escalation contact
report-watch-days-ago = { $days } ago
report-watch-days-to = { $days } to { $date }
report-state-notice-ahead = notice ahead
report-state-notice-passed = notice passed
report-state-ending = ending
report-state-ended = ended

## The meeting pack

pack-subtitle = Monthly supplier meeting · { $month } · made { $made } (times in { $zone })
pack-this-month = This month
pack-col-median-resolution = median resolution (business h)
pack-col-p90 = p90
pack-col-open-breaches = open breaches
pack-col-reopened = reopened (sent back)
pack-met-of = { $pct }% ({ $met } of { $measured })
pack-met-of-running = { $pct }% ({ $met } of { $measured }, { $running } still running)
pack-none-decided = – (0 decided)
pack-none-decided-running = – (0 decided, { $running } still running)
pack-verdict-met = Against the contract's norms: met.
pack-verdict-missed = Against the contract's norms: NOT MET: { $missed }.
pack-no-norms = No contract of this supplier sets norms; the charts show 90 %.
pack-per-priority = Met % per priority, twelve months
pack-key-resolution = resolution
pack-key-response = response
pack-norm-priority = norm for { $priority } { $norm }%
pack-norm-overall = the overall norm { $norm }% (judged on all priorities together)
pack-norm-none = no norm set: { $norm }% shown
pack-volumes = Volumes: tickets dispatched per month
pack-backlog = Backlog at the end of the month
pack-nothing-waiting = Nothing was waiting on the supplier at the end of the month.
pack-longest = The longest waits
pack-col-their-reference = their reference
pack-kept = Calls for the supplier's services that never reached it: solved by the helpdesk { $solved } ({ $solved_ids }), could not be routed { $unroutable } ({ $unroutable_ids }).
pack-breaches = Breaches this month: { $n }
pack-over-median = How far over target they went, median: { $median } business hours.
pack-col-over-target = over target (business h)
pack-experience = Experience: the callers' scores this month
pack-remarks = What callers said
pack-watch = Contract watch (90 days)
pack-watch-quiet = No contract of this supplier ends or passes its notice date within 90 days.
pack-no-escalation = No escalation contact in the registry.
pack-appendix = Appendix: the { $n } tickets behind this month's figures
pack-col-resolution-h = resolution h
pack-col-over-h = over h
report-to-before-from = --to is before --from
report-excel-with-csv = --excel goes with --format csv
report-output-with-xlsx = -o goes with --format xlsx; the other formats print (redirect them with >)
report-xlsx-needs-output = --format xlsx writes a file: give it with -o FILE
pack-not-a-month = --month { $month } is not a month (YYYY-MM, e.g. 2026-10)
pack-supplier-or-all = --supplier or --all, not both
pack-name-the-supplier = name the supplier (--supplier NAME), or --all for one pack per supplier
pack-month-out-of-range = --month is out of range
pack-no-such-folder = -o { $file }: the folder { $folder } does not exist
pack-all-needs-folder = -o { $dir }: with --all, name a folder that exists (one file per supplier)

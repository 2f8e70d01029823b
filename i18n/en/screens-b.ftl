# screens-b (en): intake, lookup, dashboard, search, registry and regie, and the clipboard's
# messages.

## The clipboard

clipboard-copied = copied { $text }
clipboard-nothing = nothing to copy

## Intake

intake-field-caller = caller
intake-field-participant = participant
intake-field-service = service
intake-field-impact = impact 1-3
intake-field-urgency = urgency 1-4
intake-field-title = title
intake-field-description = description
intake-which-participant = which participant?
intake-which-service = which service?
intake-not-a-number = { $field } is a number
intake-link-on = the call will be linked to major incident #{ $id }
intake-link-off = the call will not be linked
intake-no-major = no open major incident for this service
intake-no-solution = no standard solution for this service
intake-caller-where = which participant is the caller at?
intake-caller-name-first = type the caller's name (and phone or email) first
intake-saving = saving the call… (once is enough)
intake-caller-saved = caller { $name } is on file now
intake-impact-1 = 1 whole organisation
intake-impact-2 = 2 department or group
intake-impact-3 = 3 one person
intake-urgency-1 = 1 critical
intake-urgency-2 = 2 high
intake-urgency-3 = 3 normal
intake-urgency-4 = 4 low
intake-keys = tab: next field · up/down: pick · ctrl-s: log it · esc: leave
intake-preview-title = {" "}routing preview{" "}
intake-preview-helpdesk = helpdesk
intake-respond-by = {"  "}respond  by { $due }
intake-resolve-by = {"  "}resolve  by { $due }
intake-preview-supplier = supplier { $name }
intake-clocks-at-dispatch = {"  "}clocks start when dispatched
intake-unrouted = unrouted: the helpdesk handles it
intake-major = MAJOR INCIDENT #{ $id } · { $status } · { $calls } calls
intake-major-ref = MAJOR INCIDENT #{ $id } · { $status }, ref { $reference } · { $calls } calls
intake-major-linked = linked: ctrl-l unlinks
intake-major-link = ctrl-l links this call to it
intake-solutions = standard solutions (ctrl-o: solve on the line)
intake-solved-with = ✓ solved with: { $title }
intake-caller-head = caller { $name } · { $participant }
intake-no-earlier-calls = no earlier calls
intake-call-open = {"  "}open    #{ $id } { $status } { $title }
intake-call-earlier = {"  "}earlier #{ $id } { $status } { $title }
intake-caller-not-on-file = caller not on file: ctrl-n puts them on file

## Lookup: who do we call?

lookup-new-call = a new call: who calls, and from where?
lookup-find = find: { $typed }
lookup-solve-on-the-line = solve on the line
lookup-no-contract = no contract
lookup-solution-for = for { $services }
lookup-placeholder = type a supplier, service, alias, keyword, contract or contact
lookup-kind-supplier = supplier
lookup-kind-service = service
lookup-kind-contract = contract
lookup-kind-contact = contact
lookup-kind-solution = solution
lookup-role-service-desk = service_desk
lookup-role-account-manager = account_manager
lookup-role-escalation = escalation
lookup-role-other = other
lookup-major = MAJOR INCIDENT { $line }
lookup-phone = phone
lookup-email = email
lookup-portal = portal
lookup-contract-valid-until = contract { $number } (valid until { $until }), window { $window }
lookup-contract-valid = contract { $number } (valid), window { $window }
lookup-contract-invalid-until = contract { $number } (not valid now until { $until }), window { $window }
lookup-contract-invalid = contract { $number } (not valid now), window { $window }
lookup-all-participants = all participants
lookup-covers = {"  "}covers { $whom }: { $services }
lookup-sla = {"  "}{ $priority }: respond { $response }, resolve { $resolve }

## Dashboard

dashboard-counting = counting…
dashboard-summary = { $open } open · { $warning } warning · { $breached } breached · { $today } logged today
dashboard-major = MAJOR { $line }
dashboard-major-more = MAJOR { $line } (+{ $more } more)
dashboard-per-supplier = per supplier
dashboard-per-participant = per participant
dashboard-per-agent = per agent
dashboard-unrouted = unrouted
dashboard-unassigned = unassigned
dashboard-col-open = {"  "}open
dashboard-col-warning = {"  "}warn
dashboard-col-breached = breached

## Search

search-too-short = { $part } is too short to search by: type two letters or digits or more
search-prompt = search all tickets: { $typed }
search-hint = words from the title, description, journal, caller, their reference or solution
search-empty = no ticket holds all these words
search-best = the best { $n }; more words narrow it
search-found = { $n } found · title matches first, then newest
search-unrouted = unrouted

## Registry

registry-tab-participants = participants
registry-tab-services = services
registry-tab-suppliers = suppliers
registry-tab-contracts = contracts
registry-tab-calendars = calendars
registry-loading = loading…
registry-in-full-title = {" "}in full · esc: back to the list{" "}
registry-nothing-found = nothing in { $tab } holds { $search }; esc clears the search
registry-list-keys = {" "}enter: in full · /: search{" "}
registry-hours-unknown = hours unknown
registry-no-escalation = {"  "}no escalation contact
registry-open-ended = open-ended
registry-expired = {"  "}expired
registry-field-code = code
registry-field-name = name
registry-field-kind = kind
registry-field-locations = locations
registry-contracts-covering = contracts covering { $code } ({ $n }):
registry-field-category = category
registry-field-aliases = aliases
registry-field-keywords = keywords
registry-contracts-for = contracts for { $name } ({ $n }):
registry-unknown = unknown
registry-field-phone = phone
registry-field-email = email
registry-field-portal = portal
registry-field-hours = hours
registry-field-procedure = procedure
registry-contacts = contacts ({ $n }):
registry-role-escalation-level = escalation { $level }
registry-contracts = contracts ({ $n }):
registry-field-number = number
registry-field-supplier = supplier
registry-field-services = services
registry-field-participants = participants
registry-field-valid = valid
registry-field-notice = notice
registry-notice-months = { $n } months
registry-field-watch = watch
registry-field-window = window
registry-col-priority = priority
registry-col-respond-within = respond within
registry-col-resolve-within = resolve within
registry-norms = norms (what the supplier's figures are held to)
registry-norm-response = response met
registry-norm-resolution = resolution met
registry-norm-satisfaction = satisfaction
registry-norm-priority-response = { $priority } response met
registry-norm-priority-resolution = { $priority } resolution met
registry-field-timezone = timezone
registry-calendar-open = open
registry-closed = closed
registry-holidays = holidays
registry-holidays-built-in = {"  "}the built-in set { $quoted } (spoc calendar holidays --country { $country })
registry-holidays-also = {"  "}also { $dates }
registry-holidays-except = {"  "}except { $dates }
registry-role-service-desk = service desk
registry-role-account-manager = account manager
registry-role-escalation = escalation
registry-role-other = other
registry-day-mon = Monday
registry-day-tue = Tuesday
registry-day-wed = Wednesday
registry-day-thu = Thursday
registry-day-fri = Friday
registry-day-sat = Saturday
registry-day-sun = Sunday
registry-day-short-mon = mon
registry-day-short-tue = tue
registry-day-short-wed = wed
registry-day-short-thu = thu
registry-day-short-fri = fri
registry-day-short-sat = sat
registry-day-short-sun = sun
registry-coverage-all = all

## Regie

regie-working = working out the figures…
regie-col-supplier = supplier
regie-col-response-met = response met %
regie-col-resolution-met = resolution met %
regie-section-suppliers = suppliers, 12 months
regie-section-per-priority = met % per priority, response / resolution (12 months)
regie-section-trend = resolution met per month, all suppliers
regie-section-watch = contract watch (90 days)
regie-uncovered-service = service { $service }: no valid contract
regie-no-escalation = no escalation contact: { $names }
regie-watch-quiet = no contract ends or passes its notice date within 90 days
regie-watch-notice-ahead = { $head }: notice by { $notice } ({ $days } days), ends { $until }
regie-watch-notice-passed = { $head }: notice date { $notice } PASSED, ends { $until } ({ $days } days)
regie-watch-ended = { $head }: ENDED { $until } ({ $days } days ago)
regie-watch-ends = { $head }: ends { $until } ({ $days } days)

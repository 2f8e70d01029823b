# registry (en): the registry's and calendars' validation and import errors
# Only the message is translated: the file, the line, the field (a TOML key or a CSV column)
# and the values quoted from a file stay as they are.

## Validating a registry (domain/registry/validate.rs)
reg-must-not-be-empty = must not be empty
reg-unknown-calendar = unknown calendar { $given }
reg-used-by = { $name } is already used by { $table } { $holder }
reg-used-by-participant = { $name } is already used by participant { $holder }
reg-used-by-service = { $name } is already used by service { $holder }
reg-used-by-supplier = { $name } is already used by supplier { $holder }
reg-used-by-contract = { $name } is already used by contract { $holder }
reg-used-by-calendar = { $name } is already used by calendar { $holder }
reg-used-by-solution = { $name } is already used by solution { $holder }
reg-calendar-built-in = { $name }: 24x7 is built in
reg-calendar-name-taken = { $name }: another calendar has this name
reg-reopen-days-too-many = { $days } days is more than { $max } (ten years)
reg-retention-out-of-range = { $months } months is not between 1 and 240 (twenty years)
reg-warning-not-a-share = { $value } is not a share between 0 and 1 (e.g. 0.75)
reg-agreement-needs-every-priority = the helpdesk agreement needs a target for every priority
reg-target-zero = a target cannot be zero
reg-code-has-spaces = a code has no spaces
reg-escalation-needs-level = an escalation contact needs a level of 1 or more
reg-solution-same-title = the same title as solution { $number } of the file
reg-solution-needs-steps = say what to do
reg-contract-needs-service = a contract covers at least one service
reg-contract-covers-nobody = an empty list covers nobody (write "all" for everyone)
reg-valid-until-before-from = { $until } is before valid_from { $from }
reg-contract-needs-targets = a contract needs response and resolve targets for P1..P4
reg-ambiguous-participant-until = contracts { $a } and { $b } both cover service { $service } for participant { $participant }, equally specific, and are both valid from { $from } until { $until }: routing would be ambiguous
reg-ambiguous-participant-open = contracts { $a } and { $b } both cover service { $service } for participant { $participant }, equally specific, and are both valid from { $from } on: routing would be ambiguous
reg-ambiguous-all-until = contracts { $a } and { $b } both cover service { $service } for all participants, equally specific, and are both valid from { $from } until { $until }: routing would be ambiguous
reg-ambiguous-all-open = contracts { $a } and { $b } both cover service { $service } for all participants, equally specific, and are both valid from { $from } on: routing would be ambiguous

## Where an error is (domain/registry/file.rs, domain/registry/import.rs); each follows the message
reg-at-line = (line { $line })
reg-stored-not-in-file = (stored, not in this file)
reg-in-stored-registry = in the stored registry
reg-replace-removes = (this file does not list it, and --replace removes what the file does not list)

## Files that are not text (domain/registry/text.rs)
reg-text-spreadsheet = this is a spreadsheet workbook (.xlsx, .xls or .ods), not text: save it as CSV
reg-text-bad-utf8-bom = not valid UTF-8, though the file starts with a UTF-8 byte order mark
reg-text-bad-utf16-le = not valid UTF-16 (little-endian, by its byte order mark)
reg-text-bad-utf16-be = not valid UTF-16 (big-endian, by its byte order mark)
reg-text-control-character = control character { $character } where text was expected
reg-text-nul-character = control character { $character } where text was expected (UTF-16 without a byte order mark, or not a text file?)

## CSV files (domain/registry/sheet.rs)
csv-unclosed-quote = a quote (") opened here is never closed, so every row after it would be read as part of this cell; close it, or double a quote that belongs to the text ("")
csv-header-unreadable = cannot read the header: { $error }
csv-row-cells = this row has { $cells } cells, the header has { $expected } (a list or text with { $delimiter } in it needs quotes)
csv-not-valid = not valid CSV: { $error }
csv-unknown-column = unknown column (expected some of: { $expected })
csv-unknown-column-near = unknown column (did you mean { $near }? expected some of: { $expected })
csv-column-twice = this column is in the header twice
csv-no-kind = the header names neither a `supplier` column (suppliers with contacts) nor a `code` column (participants)
csv-no-kind-near = the header names neither a `supplier` column (suppliers with contacts) nor a `code` column (participants) (did you mean { $near } for { $column }?)
csv-line-break-in-cell = a line break inside this cell: it takes one line of text
csv-no-supplier-above = empty, and there is no supplier on a row above for this row to continue
csv-no-participant-above = empty, and there is no participant on a row above for this row to continue
csv-differs = { $value } differs from { $old } on an earlier row of { $entry }
csv-unknown-role = unknown role { $role } (expected service_desk, account_manager, escalation or other)
csv-level-not-a-number = expected a whole number (1 is the first level)
csv-contact-twice = { $contact } of { $supplier } is on line { $line } already

## Calendars (domain/sla/spec.rs)
cal-needs-name = a calendar needs a name
cal-unknown-timezone = unknown time zone { $zone } (expected an IANA name such as "Europe/Amsterdam")
cal-unknown-day = unknown day { $day } (expected one of { $days })
cal-windows-overlap = windows { $first } and { $second } overlap
cal-never-open = the calendar is never open (give at least one day with a window)
cal-no-holiday-set = no built-in holiday set { $code } (known: nl)
cal-not-a-date = { $text } is not a date (expected YYYY-MM-DD)
cal-except-needs-country = `except` needs a `country` whose named days it keeps open
cal-not-a-holiday = { $name } is not a day of the { $country } set (known: { $known })
cal-dates-expected = expected a list of dates, each YYYY-MM-DD (quoted or not)
cal-window-no-dash = bad window { $text }: no `-` between the times (expected HH:MM-HH:MM, e.g. "08:00-17:00")
cal-window-bad-open = bad window { $text }: the opening time is not HH:MM (expected HH:MM-HH:MM, e.g. "08:00-17:00")
cal-window-bad-close = bad window { $text }: the closing time is not HH:MM (expected HH:MM-HH:MM, e.g. "08:00-17:00")
cal-window-opens-at-24 = bad window { $text }: a window cannot open at 24:00 (expected HH:MM-HH:MM, e.g. "08:00-17:00")
cal-window-closes-first = bad window { $text }: it closes before it opens (expected HH:MM-HH:MM, e.g. "08:00-17:00")

## Durations (domain/sla/duration.rs)
cal-duration-empty = bad duration { $text }: it is empty (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-number-first = bad duration { $text }: a number must come before each unit (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-too-large = bad duration { $text }: the number is too large (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-write-bd = bad duration { $text }: write business days as `bd` (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-no-unit = bad duration { $text }: the unit is missing (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-unknown-unit = bad duration { $text }: unknown unit (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-unit-order = bad duration { $text }: units must come once each, in the order bd, h, m, s (expected e.g. 90m, 4h, 1h30m or 3bd)
cal-duration-too-long = bad duration { $text }: it is longer than ten years (expected e.g. 90m, 4h, 1h30m or 3bd)

## Priority (domain/priority.rs)
prio-unknown = unknown priority { $given } (expected P1, P2, P3 or P4)
prio-impact-out-of-range = impact { $impact } is out of range (1 whole organisation, 2 department or group, 3 one person)
prio-urgency-out-of-range = urgency { $urgency } is out of range (1 critical .. 4 low)
reg-not-a-percentage = { $value } is no percentage (0 to 100)
reg-not-a-score = { $value } is no satisfaction score (1 to 5)
reg-expected-a-date = expected a date
file-field = field { $field }
change-added = { $table } { $name }: added
change-removed = { $table } { $name }: removed
change-fields = { $table } { $name }: { $fields }
change-table-calendar = calendar
change-table-participant = participant
change-table-service = service
change-table-supplier = supplier
change-table-contract = contract
change-table-solution = solution

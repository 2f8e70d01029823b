# cli-a (en): what the commands print for people (not --json or CSV, which scripts read), and
# the errors the command line itself makes.

## Output, instants and days as typed on the command line
cli-write-failed = cannot write output: { $error }
cli-not-an-instant = { $flag } { $text } is not an RFC 3339 instant (e.g. 2026-11-23T09:00:00+01:00)
cli-not-a-moment = { $flag } { $text } is not a moment (YYYY-MM-DD HH:MM, or RFC 3339)
cli-moment-skipped = { $flag } { $text } does not exist on the clock in { $zone } (it skips that hour)
cli-not-a-day = { $flag } { $text } is not a date (YYYY-MM-DD) or an RFC 3339 instant

## spoc agent
cli-agent-added = { $login } is a known agent now

## spoc calendar holidays
cli-holidays-unknown-country = --country: no built-in holiday set { $country } (known: nl)
cli-holidays-year-out-of-range = --year: { $year } is outside 1900..2200

## spoc import
cli-import-replace-callers = --replace is for registry files; a callers file adds and updates callers
cli-import-done = imported { $file }: { $calendars } calendars, { $participants } participants, { $services } services, { $suppliers } suppliers ({ $contacts } contacts), { $contracts } contracts, { $solutions } standard solutions
cli-import-more = … and { $n } more (--json lists them all)

## spoc caller, spoc privacy
cli-caller-none-fits-add = no caller on file fits { $query }; add one with `spoc caller add` or `spoc import callers.csv`
cli-caller-header = caller { $id } · { $name }
cli-caller-participant = participant
cli-caller-phone = phone
cli-caller-email = email
cli-caller-location = location
cli-caller-directory-id = directory id
cli-caller-open-tickets = open tickets ({ $n })
cli-caller-recent-tickets = recent tickets ({ $n } in all)
cli-caller-saved = saved caller { $id }: { $label }
cli-callers-imported = imported callers from { $file }: { $added } added, { $updated } updated, { $unchanged } unchanged
cli-purge-would-remove = would remove callers' personal data from { $n } tickets closed before { $before } ({ $months } months)
cli-purge-removed = removed callers' personal data from { $n } tickets closed before { $before } ({ $months } months)
cli-purge-more = … and { $n } more
cli-caller-none-fits = no caller on file fits { $query }
cli-caller-several = { $query } fits several callers: { $names }; give the number

## spoc supplier find
cli-supplier-nothing-matches = nothing matches { $query }
cli-supplier-matched = (matched { $text })
cli-supplier-solve-on-the-line = solve it on the line
cli-supplier-no-contract = no supplier: no valid contract
cli-supplier-see-above = { $supplier } (see above)
cli-supplier-desk = desk
cli-supplier-contract = contract
cli-supplier-covers = { $number } covers { $whom }: { $services }
cli-supplier-procedure = procedure
cli-supplier-major = MAJOR INCIDENT

## spoc backup, spoc restore
cli-backup-cannot-write-in = cannot write in { $folder }: { $error }
cli-backup-done = backed up { $tickets } tickets and { $entries } journal entries to { $file }
cli-backup-inside-data = { $file }: a backup may not be written inside the data folder { $data }; choose a file elsewhere
cli-backup-not-a-file = { $file } exists and is not a file; choose another name
cli-backup-not-a-backup = { $file } exists and is not a spoc backup; it is left alone: choose another name
cli-restore-done = restored { $tickets } tickets and { $entries } journal entries from { $file }
cli-restore-replaced = it replaced the { $replaced } tickets the store held; new tickets go on from #{ $next }, so no number is given twice

## spoc serve, spoc status, spoc watch
cli-serve-started = { $folder } is served by spoc (pid { $pid })
cli-status-no-server = no server runs for { $folder }
cli-status-starting = the server with pid { $pid } is starting on { $folder } (opening its store); ask again in a moment
cli-status-stopping = the server with pid { $pid } is stopping on { $folder }; the next command starts a new one
cli-status-socket-gone = the server with pid { $pid } holds { $folder } but its socket { $socket } is gone; stop it (`kill { $pid }`) and the next command starts a new one
cli-status-restore-unfinished = an earlier restore did not finish: run `spoc restore FILE --force`; until then only status and restore are answered
cli-status-restoring = a restore is under way: other requests wait until it is done (ask again in a moment)
cli-status-damaged = DAMAGED ({ $why }): restore the last backup with `spoc restore FILE --force`; the damaged store is set aside
cli-status-store = { $tickets } tickets, { $size } MiB on disk
cli-status-server-label = server
cli-status-server = pid { $pid }, spoc { $version } (protocol { $protocol }), up { $hours }h { $minutes }m { $seconds }s since { $since }
cli-status-folder-label = folder
cli-status-clients-label = clients
cli-status-clients = { $clients } connected ({ $subscribers } subscribed to live changes)
cli-status-store-label = store
cli-watch-server-stopped = the server stopped

## spoc check-config
cli-config-did-you-mean = (did you mean { $name }?)
cli-config-unknown-field = { $at }: unknown field { $name }{ $hint }: expected one of { $fields }
cli-config-not-a-string = { $at }: field { $field }: expected a string, found { $found }
cli-config-bad-keymap = { $at }: keymap { $value }{ $hint }: default or vim
cli-config-ok = ok  { $file }
cli-man-written = wrote { $count } manual pages into { $folder }
cli-man-not-a-folder = { $folder } is a file, not a folder for the manual pages
cli-man-unknown = no command { $command } here; its commands are: { $known }
cli-config-absent = --  { $file } (none; defaults apply)
cli-config-no-folder = --  no config folder on this system; defaults apply
cli-config-no-keymap = --  no keymap file; the built-in keys apply
cli-config-ok-theme = ok  theme { $name }

## spoc demo
cli-demo-in-use = { $folder } is in use by a spoc server (pid { $pid }); the demo needs an empty data folder
cli-demo-not-empty = { $folder } already holds a registry or tickets; the demo needs an empty data folder
cli-demo-cannot-set-up = cannot set up the demo folder { $folder }: { $error }
cli-demo-data-in = demo data in { $folder }
cli-demo-counts = { $participants } participants, { $services } services, { $suppliers } suppliers, { $contracts } contracts; { $tickets } tickets
cli-demo-most-urgent = most urgent open tickets:
cli-demo-try = try:

## spoc ticket new, list, search
cli-ticket-caller-twice = give --caller (as typed) or --caller-id (on file), not both
cli-ticket-empty-solution = --solution says what solved it: it cannot be empty
cli-ticket-logged = Logged #{ $id } { $priority } { $title }
cli-ticket-none = no tickets
cli-ticket-more = … more: --offset { $offset }
cli-ticket-search-more = … more: narrow it with more words, --from/--to or --limit { $limit }

## spoc ticket show
cli-ticket-kind-incident = Incident
cli-ticket-kind-request = Request
cli-ticket-header = #{ $id } { $priority } · { $status } · { $kind }
cli-ticket-participant = participant
cli-ticket-service = service
cli-ticket-caller = caller
cli-ticket-caller-on-file = { $caller } (caller { $id })
cli-ticket-major = major
cli-ticket-major-calls = major incident · { $n } linked calls
cli-ticket-linked-to = linked to
cli-ticket-linked-major = major incident #{ $id }
cli-ticket-call-back = call back
cli-ticket-first-contact = first contact
cli-ticket-solved-on-the-line = solved on the line
cli-ticket-impact = impact
cli-ticket-impact-urgency = { $impact } · urgency { $urgency }
cli-ticket-assignee = assignee
cli-ticket-routing = routing
cli-ticket-supplier-ref = supplier ref
cli-ticket-created = created
cli-ticket-supplier = supplier
cli-ticket-dispatched = dispatched { $at }
cli-ticket-supplier-answered = answered { $at }
cli-ticket-supplier-solved = solved { $at }
cli-ticket-sent-back = sent back { $n }×
cli-ticket-solution = solution
cli-ticket-satisfaction = satisfaction

## spoc ticket update, majors
cli-ticket-override-needs-reason = --override-supplier needs --reason
cli-ticket-reason-without-override = --reason goes with --override-supplier
cli-ticket-priority-and-impact = give --priority or --impact with --urgency, not both
cli-ticket-impact-without-urgency = --impact and --urgency go together
cli-ticket-remark-without-satisfaction = --remark goes with --satisfaction
cli-ticket-nothing-to-change = nothing to change: give at least one of --status, --assign, --priority, --note, --reply, ...
cli-ticket-updated = #{ $id } { $priority } · { $status } · version { $version }
cli-majors-none = no open major incidents
cli-majors-calls = ref { $reference } { $open } open of { $calls } calls
cli-inform-header = callers to inform ({ $n } linked { $n ->
        [one] call
       *[other] calls
    })
cli-caller-forgotten = forgot caller { $id }: their record is gone, { $n } tickets keep no personal data of theirs
cli-list-unknown-participant = unknown participant { $name } (spoc export lists them)
cli-list-unknown-service = unknown service { $name } (spoc export lists them)

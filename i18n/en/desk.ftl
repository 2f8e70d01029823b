# desk (en): the rules' refusals, journal lines, errors of the desk and the store

## The ticket's rules (domain/ticket.rs, domain/status.rs)
rule-needs-title = a ticket needs a title
rule-assigned-needs-agent = a ticket is assigned to someone: add the agent (--assign LOGIN)
rule-supplier-ref-empty = the supplier's reference is empty
rule-no-supplier = the ticket has no supplier: route or override it first
rule-supplier-ref-on-major = the supplier's reference goes on major incident #{ $major }, which this ticket is linked to
rule-supplier-reply-on-major = the supplier's answer goes on major incident #{ $major }, which this ticket is linked to
rule-override-needs-reason = overriding the routing needs a reason
rule-satisfaction-range = a satisfaction score is 1 to 5, not { $score }
rule-satisfaction-when = satisfaction is recorded when a ticket is resolved or closed
rule-solution-closed = the solution of a closed ticket cannot change; reopen it first
rule-major-linked = the ticket is linked to major incident #{ $major }; unlink it first
rule-link-itself = a ticket cannot be linked to itself
rule-link-is-major = the ticket is a major incident itself; unmark it first
rule-link-with-supplier = the ticket is with the supplier under a dispatch of its own; take it back (in_progress) before linking it to major incident #{ $major }
rule-call-back-needs-waiting = a call-back moment goes with waiting on the caller (--status waiting_on_caller)
rule-call-back-passed = the call-back moment has passed already; give one in the future
rule-status-already = the ticket is { $status } already
rule-closed-too-long = the ticket was closed more than { $days } days ago; log a new ticket that refers to it
rule-dispatch-linked = the ticket is linked to major incident #{ $major }: the supplier works on that one (dispatch #{ $major }, or unlink this ticket)
rule-cannot-dispatch = cannot dispatch: { $routing }; override the routing with a reason first
rule-never-dispatched = the ticket was never dispatched to the supplier (set it to waiting_on_supplier first)
rule-supplier-solved-already = the supplier reported it solved already; send it back to the supplier (waiting_on_supplier) if the fix did not hold
rule-closed-assignee = the assignee of a { $status } ticket cannot change; reopen it first
rule-closed-impact-urgency = the impact and urgency of a { $status } ticket cannot change; reopen it first
rule-closed-priority = the priority of a { $status } ticket cannot change; reopen it first
rule-closed-routing = the routing of a { $status } ticket cannot change; reopen it first
rule-closed-major-mark = the major incident mark of a { $status } ticket cannot change; reopen it first
rule-closed-link = the link of a { $status } ticket cannot change; reopen it first
rule-closed-supplier-solution = the supplier's solution of a { $status } ticket cannot change; reopen it first
rule-text-empty = the text is empty
rule-transition = a ticket cannot go from { $from } to { $to }; from { $from } it can go to: { $allowed }

## Callers (domain/caller.rs); the field or column each error names stays as it is
rule-caller-needs-name = a caller needs a name
rule-caller-name-too-long = a name of more than 100 characters
rule-caller-control-character = a control character in it (a line break, a tab?)
rule-caller-bad-phone = { $phone } is not a phone number (digits, spaces, + - ( ) .)
rule-caller-bad-email = { $email } is not an email address
rule-caller-which-participant = which participant do they work at? (its code or name)
rule-caller-no-participant = no participant { $participant } in the registry
rule-callers-needs-column = a callers file needs this column
rule-callers-same-person = the same person as on line { $line }

## The desk (desk/*.rs)
desk-unknown-participant = unknown participant { $given }
desk-unknown-participant-near = unknown participant { $given }; did you mean { $near }?
desk-unknown-service = unknown service { $given }
desk-unknown-service-near = unknown service { $given }; did you mean { $near }?
desk-unknown-supplier = unknown supplier { $given }
desk-unknown-supplier-near = unknown supplier { $given }; did you mean { $near }?
desk-unknown = unknown { $what } { $given }
desk-unknown-near = unknown { $what } { $given }; did you mean { $near }?
desk-or = { $a }, or { $b }
desk-stored-registry-invalid = the stored registry does not validate: { $errors }
desk-restored-registry-invalid = the restored registry does not validate: { $error }
desk-conflict = ticket { $id } was changed by { $by } at { $at }; it is now version { $current }, you had version { $expected }: reload it and try again
desk-conflict-changes = ticket { $id } was changed by { $by } at { $at } ({ $changes }); it is now version { $current }, you had version { $expected }: reload it and try again
desk-resolve-needs-solution = a ticket is resolved with what solved it: give the solution (--solution TEXT)
desk-not-a-login = { $login } is not a login: letters, digits, '.', '_' and '-', at most 32, not starting with '-'
desk-login-reserved = { $login } means something else to --assign (me: yourself; none, nobody, unassigned, -: no one)
desk-agent-known-already = { $login } is already a known agent
desk-no-agent = no agent { $login }; known: { $known } (`spoc agent add LOGIN` makes a new colleague known)
desk-no-agent-near = no agent { $login }; did you mean { $near }? (`spoc agent add LOGIN` makes a new colleague known)
desk-no-caller = no caller { $id }
desk-caller-on-file = { $name } is on file already as caller { $id } ({ $label }); pick that one
desk-import-claimed = updates caller { $id } on file, as line { $line } does already
desk-import-fits-two = fits two callers on file, { $a } ({ $a_name }) by one and { $b } ({ $b_name }) by the other; correct the row
desk-caller-elsewhere = caller { $id } ({ $name }) is at { $at }, not at { $participant }
desk-not-major = ticket { $id } is not a major incident; mark it first (ticket update { $id } --major)
desk-major-done = major incident { $id } is { $status } already
desk-major-keeps-calls = { $n ->
        [one] 1 call is
       *[other] { $n } calls are
    } linked to it; a major incident with calls stays one (unlink open calls that are not about it)
desk-no-retention = no retention time is set: give `caller_retention_months` in the registry's [settings]
desk-search-too-short = { $part } is too short to search by: words of at least { $n } letters or digits
desk-search-no-words = search for words of at least { $n } letters or digits
desk-period-backwards = the period ends before it starts (--to is before --from)

## The journal as agents read it (desk/views.rs)
journal-logged = logged · { $routing }
journal-note = note: { $text }
journal-call = call: { $text }
journal-email = email: { $text }
journal-reply = reply: { $text }
journal-supplier-replied = supplier replied: { $text }
journal-supplier-solved = supplier reports it solved: { $text }
journal-status = status { $from } → { $to }
journal-reopened = reopened from { $from }
journal-assigned = assigned { $from } → { $to }
journal-nobody = nobody
journal-priority = priority { $from } → { $to }
journal-supplier-ref-changed = supplier reference { $from } → { $to }
journal-supplier-ref = supplier reference { $to }
journal-routing-overridden = routing overridden { $from } → { $to }: { $reason }
journal-satisfaction = satisfaction { $score }/5 { $remark }
journal-solution = solution: { $text }
journal-major-on = marked as a major incident
journal-major-off = no longer a major incident
journal-linked = linked to major incident #{ $major }
journal-unlinked-from = unlinked from major incident #{ $major }
journal-unlinked = unlinked
journal-resolved-with-major = resolved with major incident #{ $major }
journal-call-back-at = call back at { $when }
journal-no-call-back = no call-back moment
journal-anonymised = caller's personal data removed (retention)

## The store and backups (store/mod.rs, store/backup.rs)
store-in-use = the data folder { $dir } is in use by another spoc process; use that one (or stop it) instead
store-in-use-pid = the data folder { $dir } is in use by another spoc process (pid { $pid }); use that one (or stop it) instead
store-conflict = ticket { $id } was changed by { $by } at { $at } (now version { $current }, you had version { $expected }); reload it and try again
store-no-ticket = no ticket { $id }
store-damaged = the store is damaged: { $why }
store-restore-unfinished = an earlier restore into { $dir } did not finish; run `spoc restore FILE --force` again
store-create-dir = cannot create the data folder { $dir }: { $why }
store-too-broad = { $part } starts too many words to search by; type more of it
store-still-reading = the server is still reading every ticket for searching (it does so once after it starts); try again in a moment
store-sled = store: { $why }
store-disk-full = the disk holding the store is full: free some room and try again (nothing confirmed is lost)
store-disk-full-short = the disk holding the store is full
store-corrupted = the store cannot be read: it is damaged; restore the last backup (spoc restore FILE --force)
store-backup-writing = writing the backup
store-backup-receiving = receiving the backup
store-backup-line-too-long = a line longer than { $mib } MiB: this is not a spoc backup
store-backup-no-room = the backup is larger than the room left on the disk of { $dir } (keeping { $keep } MiB free for the store): free some room first
store-backup-ticket-twice = ticket { $id } appears twice, or is numbered 0: this backup was edited or damaged
store-backup-foreign = { $name } is not a spoc backup (it does not start with `{ $header }`)
store-backup-version = { $name } is a backup of format { $found }; this spoc reads formats 1 to { $newest } (a newer spoc wrote it?)
store-backup-damaged = { $name }:{ $line }: the backup is damaged: { $why }
store-backup-invalid = { $name }:{ $line }: { $why }; nothing was restored
store-backup-not-empty = the store in { $dir } is not empty; restore with --force to replace everything in it
store-backup-truncated = it ends before its closing line (truncated?)
store-backup-cut-off = the last line is cut off (truncated?)
store-backup-checksum = the checksum does not match the content
store-backup-callers-count = it says { $said } callers, but holds { $held }
store-backup-tickets-count = it says { $tickets } tickets and { $entries } journal entries, but holds { $held_tickets } and { $held_entries }
store-backup-content-after = there is content after the closing line
store-backup-second-registry = a second registry
store-backup-journal-count = ticket { $id } has { $entries } journal entries, expected { $expected }
store-backup-registry-invalid = the registry in it does not validate: { $error }
desk-forget-open = caller { $id } has an open ticket (#{ $ticket }): close it before forgetting them
journal-solved-on-the-line = solved on the line
server-restoring = a restore is under way on this server; ask again when it is done (spoc status says whether it still runs)
server-restore-halfway = the restore stopped halfway ({ $why }): the folder answers only `status` and `restore` now; mend that and run the restore again

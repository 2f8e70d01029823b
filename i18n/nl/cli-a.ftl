# cli-a (nl): wat de opdrachten voor mensen afdrukken (niet --json of CSV, die scripts lezen), en
# de fouten die de opdrachtregel zelf maakt.

## Uitvoer, tijdstippen en dagen zoals getypt op de opdrachtregel
cli-write-failed = kan de uitvoer niet schrijven: { $error }
cli-not-an-instant = { $flag } { $text } is geen RFC 3339-tijdstip (bv. 2026-11-23T09:00:00+01:00)
cli-not-a-moment = { $flag } { $text } is geen moment (JJJJ-MM-DD UU:MM, of RFC 3339)
cli-moment-skipped = { $flag } { $text } bestaat niet op de klok in { $zone } (dat uur wordt overgeslagen)
cli-not-a-day = { $flag } { $text } is geen datum (JJJJ-MM-DD) en geen RFC 3339-tijdstip

## spoc agent
cli-agent-added = { $login } is nu een bekende behandelaar

## spoc calendar holidays
cli-holidays-unknown-country = --country: geen ingebouwde set feestdagen { $country } (bekend: nl)
cli-holidays-year-out-of-range = --year: { $year } valt buiten 1900..2200

## spoc import
cli-import-replace-callers = --replace is voor registerbestanden; een meldersbestand voegt melders toe en werkt ze bij
cli-import-done = { $file } geïmporteerd: { $calendars } kalenders, { $participants } deelnemers, { $services } diensten, { $suppliers } leveranciers ({ $contacts } contactpersonen), { $contracts } contracten, { $solutions } standaardoplossingen
cli-import-more = … en nog { $n } (--json toont ze allemaal)

## spoc caller, spoc privacy
cli-caller-none-fits-add = geen bekende melder past bij { $query }; voeg er een toe met `spoc caller add` of `spoc import callers.csv`
cli-caller-header = melder { $id } · { $name }
cli-caller-participant = deelnemer
cli-caller-phone = telefoon
cli-caller-email = e-mail
cli-caller-location = locatie
cli-caller-directory-id = personeelsnr.
cli-caller-open-tickets = open meldingen ({ $n })
cli-caller-recent-tickets = recente meldingen ({ $n } in totaal)
cli-caller-saved = melder { $id } opgeslagen: { $label }
cli-callers-imported = melders geïmporteerd uit { $file }: { $added } toegevoegd, { $updated } bijgewerkt, { $unchanged } ongewijzigd
cli-purge-would-remove = zou de persoonsgegevens van melders verwijderen uit { $n } meldingen, gesloten vóór { $before } (bewaartermijn { $months } maanden)
cli-purge-removed = persoonsgegevens van melders verwijderd uit { $n } meldingen, gesloten vóór { $before } (bewaartermijn { $months } maanden)
cli-purge-more = … en nog { $n }
cli-caller-none-fits = geen bekende melder past bij { $query }
cli-caller-several = { $query } past bij meerdere melders: { $names }; geef het nummer

## spoc supplier find
cli-supplier-nothing-matches = niets gevonden voor { $query }
cli-supplier-matched = (gevonden op { $text })
cli-supplier-solve-on-the-line = direct oplossen aan de lijn
cli-supplier-no-contract = geen leverancier: geen geldig contract
cli-supplier-see-above = { $supplier } (zie hierboven)
cli-supplier-desk = bereikbaar
cli-supplier-contract = contract
cli-supplier-covers = { $number } voor { $whom }: { $services }
cli-supplier-procedure = procedure
cli-supplier-major = GROTE VERSTORING

## spoc backup, spoc restore
cli-backup-cannot-write-in = kan niet schrijven in { $folder }: { $error }
cli-backup-done = back-up van { $tickets } meldingen en { $entries } logboekregels geschreven naar { $file }
cli-backup-inside-data = { $file }: een back-up mag niet in de datamap { $data } staan; kies een bestand elders
cli-backup-not-a-file = { $file } bestaat al en is geen bestand; kies een andere naam
cli-backup-not-a-backup = { $file } bestaat al en is geen spoc-back-up; het blijft ongemoeid: kies een andere naam
cli-restore-done = { $tickets } meldingen en { $entries } logboekregels teruggezet uit { $file }
cli-restore-replaced = dit verving de { $replaced } tickets in de opslag; nieuwe tickets gaan verder vanaf #{ $next }, zodat geen nummer twee keer wordt gegeven

## spoc serve, spoc status, spoc watch
cli-serve-started = spoc bedient nu { $folder } (pid { $pid })
cli-status-no-server = er draait geen server voor { $folder }
cli-status-starting = de server met pid { $pid } start op { $folder } (opent de opslag); vraag het zo opnieuw
cli-status-stopping = de server met pid { $pid } stopt op { $folder }; de volgende opdracht start een nieuwe
cli-status-socket-gone = de server met pid { $pid } houdt { $folder } vast, maar zijn socket { $socket } is weg; stop hem (`kill { $pid }`) en de volgende opdracht start een nieuwe
cli-status-restore-unfinished = een eerdere restore is niet afgerond: voer `spoc restore FILE --force` uit; tot dan worden alleen status en restore beantwoord
cli-status-restoring = er loopt een terugzetting: andere verzoeken wachten tot die klaar is (vraag het zo opnieuw)
cli-status-damaged = BESCHADIGD ({ $why }): zet de laatste back-up terug met `spoc restore BESTAND --force`; de beschadigde opslag wordt opzij gezet
cli-status-store = { $tickets } meldingen, { $size } MiB op schijf
cli-status-server-label = server
cli-status-server = pid { $pid }, spoc { $version } (protocol { $protocol }), draait { $hours }u { $minutes }m { $seconds }s, sinds { $since }
cli-status-folder-label = map
cli-status-clients-label = clients
cli-status-clients = { $clients } verbonden ({ $subscribers } volgen wijzigingen live)
cli-status-store-label = opslag
cli-watch-server-stopped = de server is gestopt

## spoc check-config
cli-config-did-you-mean = (bedoel je { $name }?)
cli-config-unknown-field = { $at }: onbekend veld { $name }{ $hint }: verwacht een van { $fields }
cli-config-not-a-string = { $at }: veld { $field }: verwacht een tekst, gevonden: { $found }
cli-config-bad-keymap = { $at }: keymap { $value }{ $hint }: default of vim
cli-config-ok = ok  { $file }
cli-man-written = { $count } handleidingpagina's geschreven in { $folder }
cli-man-not-a-folder = { $folder } is een bestand, geen map voor de handleidingpagina's
cli-man-unknown = geen opdracht { $command } hier; de opdrachten zijn: { $known }
cli-config-absent = --  { $file } (bestaat niet; de standaardwaarden gelden)
cli-config-no-folder = --  geen configuratiemap op dit systeem; de standaardwaarden gelden
cli-config-no-keymap = --  geen toetsenbestand; de ingebouwde toetsen gelden
cli-config-ok-theme = ok  thema { $name }

## spoc demo
cli-demo-in-use = { $folder } is in gebruik door een spoc-server (pid { $pid }); de demo heeft een lege datamap nodig
cli-demo-not-empty = { $folder } bevat al een register of meldingen; de demo heeft een lege datamap nodig
cli-demo-cannot-set-up = kan de demomap { $folder } niet inrichten: { $error }
cli-demo-data-in = demogegevens in { $folder }
cli-demo-counts = { $participants } deelnemers, { $services } diensten, { $suppliers } leveranciers, { $contracts } contracten; { $tickets } meldingen
cli-demo-most-urgent = meest urgente open meldingen:
cli-demo-try = probeer:

## spoc ticket new, list, search
cli-ticket-caller-twice = geef --caller (zoals getypt) of --caller-id (bekende melder), niet allebei
cli-ticket-empty-solution = --solution zegt wat het oploste: die mag niet leeg zijn
cli-ticket-logged = Geregistreerd: #{ $id } { $priority } { $title }
cli-ticket-none = geen meldingen
cli-ticket-more = … meer: --offset { $offset }
cli-ticket-search-more = … meer: verfijn met meer woorden, --from/--to of --limit { $limit }

## spoc ticket show
cli-ticket-kind-incident = Incident
cli-ticket-kind-request = Verzoek
cli-ticket-header = #{ $id } { $priority } · { $status } · { $kind }
cli-ticket-participant = deelnemer
cli-ticket-service = dienst
cli-ticket-caller = melder
cli-ticket-caller-on-file = { $caller } (melder { $id })
cli-ticket-major = verstoring
cli-ticket-major-calls = grote verstoring · { $n ->
        [one] { $n } gekoppelde melding
       *[other] { $n } gekoppelde meldingen
    }
cli-ticket-linked-to = gekoppeld aan
cli-ticket-linked-major = grote verstoring #{ $id }
cli-ticket-call-back = terugbellen
cli-ticket-first-contact = opgelost
cli-ticket-solved-on-the-line = aan de lijn (eerste contact)
cli-ticket-impact = impact
cli-ticket-impact-urgency = { $impact } · urgentie { $urgency }
cli-ticket-assignee = behandelaar
cli-ticket-routing = routering
cli-ticket-supplier-ref = kenmerk lev.
cli-ticket-created = aangemaakt
cli-ticket-supplier = leverancier
cli-ticket-dispatched = doorgezet { $at }
cli-ticket-supplier-answered = gereageerd { $at }
cli-ticket-supplier-solved = opgelost { $at }
cli-ticket-sent-back = { $n }× teruggestuurd
cli-ticket-solution = oplossing
cli-ticket-satisfaction = tevredenheid

## spoc ticket update, majors
cli-ticket-override-needs-reason = --override-supplier vraagt om --reason
cli-ticket-reason-without-override = --reason hoort bij --override-supplier
cli-ticket-priority-and-impact = geef --priority of --impact met --urgency, niet allebei
cli-ticket-impact-without-urgency = --impact en --urgency horen bij elkaar
cli-ticket-remark-without-satisfaction = --remark hoort bij --satisfaction
cli-ticket-nothing-to-change = niets te wijzigen: geef minstens een van --status, --assign, --priority, --note, --reply, ...
cli-ticket-updated = #{ $id } { $priority } · { $status } · versie { $version }
cli-majors-none = geen open grote verstoringen
cli-majors-calls = kenmerk { $reference } · { $open } van { $calls } open
cli-inform-header = te informeren melders ({ $n ->
        [one] { $n } gekoppelde melding
       *[other] { $n } gekoppelde meldingen
    })
cli-caller-forgotten = melder { $id } vergeten: het record is weg, { $n } meldingen bevatten geen persoonsgegevens meer van deze melder
cli-list-unknown-participant = onbekende deelnemer { $name } (spoc export somt ze op)
cli-list-unknown-service = onbekende dienst { $name } (spoc export somt ze op)

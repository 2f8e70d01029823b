# desk (nl): de weigeringen van de regels, de logboekregels, de fouten van de desk en de opslag

## De regels van een melding (domain/ticket.rs, domain/status.rs)
rule-needs-title = een melding heeft een titel nodig
rule-assigned-needs-agent = een toegewezen melding heeft een behandelaar: geef die op (--assign LOGIN)
rule-supplier-ref-empty = het kenmerk van de leverancier is leeg
rule-no-supplier = de melding heeft geen leverancier: routeer hem eerst (of routeer hem anders)
rule-supplier-ref-on-major = het kenmerk van de leverancier hoort bij grote verstoring #{ $major }, waaraan deze melding gekoppeld is
rule-supplier-reply-on-major = het antwoord van de leverancier hoort bij grote verstoring #{ $major }, waaraan deze melding gekoppeld is
rule-override-needs-reason = anders routeren vraagt een reden
rule-satisfaction-range = een tevredenheidsscore is 1 tot en met 5, niet { $score }
rule-satisfaction-when = tevredenheid leg je vast als een melding opgelost of gesloten is
rule-solution-closed = de oplossing van een gesloten melding kan niet meer veranderen; heropen de melding eerst
rule-major-linked = de melding is gekoppeld aan grote verstoring #{ $major }; ontkoppel hem eerst
rule-link-itself = een melding kan niet aan zichzelf gekoppeld worden
rule-link-is-major = de melding is zelf een grote verstoring; haal die markering eerst weg
rule-link-with-supplier = de melding ligt met een eigen doorzetting bij de leverancier; neem hem eerst terug (in_progress) voordat je hem koppelt aan grote verstoring #{ $major }
rule-call-back-needs-waiting = een terugbelmoment hoort bij wachten op de melder (--status waiting_on_caller)
rule-call-back-passed = het terugbelmoment is al voorbij; kies een moment in de toekomst
rule-status-already = de melding heeft de status { $status } al
rule-closed-too-long = de melding is meer dan { $days } dagen geleden gesloten; registreer een nieuwe melding die ernaar verwijst
rule-dispatch-linked = de melding is gekoppeld aan grote verstoring #{ $major }: de leverancier werkt aan die melding (zet #{ $major } door, of ontkoppel deze melding)
rule-cannot-dispatch = kan niet doorzetten: { $routing }; routeer eerst anders, met een reden
rule-never-dispatched = de melding is nooit naar de leverancier doorgezet (zet hem eerst op waiting_on_supplier)
rule-supplier-solved-already = de leverancier heeft al gemeld dat het opgelost is; zet de melding opnieuw door (waiting_on_supplier) als de oplossing niet standhield
rule-closed-assignee = de melding is { $status }: de behandelaar kan niet meer veranderen; heropen de melding eerst
rule-closed-impact-urgency = de melding is { $status }: impact en urgentie kunnen niet meer veranderen; heropen de melding eerst
rule-closed-priority = de melding is { $status }: de prioriteit kan niet meer veranderen; heropen de melding eerst
rule-closed-routing = de melding is { $status }: de routering kan niet meer veranderen; heropen de melding eerst
rule-closed-major-mark = de melding is { $status }: de markering als grote verstoring kan niet meer veranderen; heropen de melding eerst
rule-closed-link = de melding is { $status }: de koppeling kan niet meer veranderen; heropen de melding eerst
rule-closed-supplier-solution = de melding is { $status }: de oplossing van de leverancier kan niet meer veranderen; heropen de melding eerst
rule-text-empty = de tekst is leeg
rule-transition = een melding kan niet van { $from } naar { $to }; vanuit { $from } kan een melding naar: { $allowed }

## Melders (domain/caller.rs); het veld of de kolom die een fout noemt blijft zoals hij is
rule-caller-needs-name = een melder heeft een naam nodig
rule-caller-name-too-long = een naam van meer dan 100 tekens
rule-caller-control-character = er staat een stuurteken in (een regeleinde, een tab?)
rule-caller-bad-phone = { $phone } is geen telefoonnummer (cijfers, spaties, + - ( ) .)
rule-caller-bad-email = { $email } is geen e-mailadres
rule-caller-which-participant = bij welke deelnemer werkt de melder? (code of naam)
rule-caller-no-participant = geen deelnemer { $participant } in het register
rule-callers-needs-column = een meldersbestand heeft deze kolom nodig
rule-callers-same-person = dezelfde persoon als op regel { $line }

## De desk (desk/*.rs)
desk-unknown-participant = onbekende deelnemer { $given }
desk-unknown-participant-near = onbekende deelnemer { $given }; bedoel je { $near }?
desk-unknown-service = onbekende dienst { $given }
desk-unknown-service-near = onbekende dienst { $given }; bedoel je { $near }?
desk-unknown-supplier = onbekende leverancier { $given }
desk-unknown-supplier-near = onbekende leverancier { $given }; bedoel je { $near }?
desk-unknown = onbekend: { $what } { $given }
desk-unknown-near = onbekend: { $what } { $given }; bedoel je { $near }?
desk-or = { $a } of { $b }
desk-stored-registry-invalid = het opgeslagen register is ongeldig: { $errors }
desk-restored-registry-invalid = het teruggezette register is ongeldig: { $error }
desk-conflict = melding { $id } is gewijzigd door { $by } op { $at }; het is nu versie { $current }, jij had versie { $expected }: laad de melding opnieuw en probeer het nog eens
desk-conflict-changes = melding { $id } is gewijzigd door { $by } op { $at } ({ $changes }); het is nu versie { $current }, jij had versie { $expected }: laad de melding opnieuw en probeer het nog eens
desk-resolve-needs-solution = een melding oplossen kan alleen met de oplossing erbij: geef die op (--solution TEXT)
desk-not-a-login = { $login } is geen login: letters, cijfers, '.', '_' en '-', hoogstens 32, niet beginnend met '-'
desk-login-reserved = { $login } betekent iets anders voor --assign (me: jijzelf; none, nobody, unassigned, -: niemand)
desk-agent-known-already = { $login } is al een bekende behandelaar
desk-no-agent = geen behandelaar { $login }; bekend: { $known } (`spoc agent add LOGIN` maakt een nieuwe collega bekend)
desk-no-agent-near = geen behandelaar { $login }; bedoel je { $near }? (`spoc agent add LOGIN` maakt een nieuwe collega bekend)
desk-no-caller = geen melder { $id }
desk-caller-on-file = { $name } is al bekend als melder { $id } ({ $label }); kies die
desk-import-claimed = werkt bekende melder { $id } bij, wat regel { $line } al doet
desk-import-fits-two = past bij twee bekende melders: { $a } ({ $a_name }) op het ene gegeven, { $b } ({ $b_name }) op het andere; verbeter de regel
desk-caller-elsewhere = melder { $id } ({ $name }) hoort bij { $at }, niet bij { $participant }
desk-not-major = melding { $id } is geen grote verstoring; markeer die eerst (ticket update { $id } --major)
desk-major-done = grote verstoring { $id } is al { $status }
desk-major-keeps-calls = { $n ->
        [one] 1 melding is
       *[other] { $n } meldingen zijn
    } eraan gekoppeld; zolang er meldingen aan gekoppeld zijn, blijft het een grote verstoring (ontkoppel open meldingen die er niet over gaan)
desk-no-retention = er is geen bewaartermijn ingesteld: geef `caller_retention_months` op in [settings] van het register
desk-search-too-short = { $part } is te kort om op te zoeken: woorden van minstens { $n } letters of cijfers
desk-search-no-words = zoek op woorden van minstens { $n } letters of cijfers
desk-period-backwards = de periode eindigt voordat ze begint (--to ligt vóór --from)

## Het logboek zoals behandelaars het lezen (desk/views.rs)
journal-logged = geregistreerd · { $routing }
journal-note = notitie: { $text }
journal-call = telefoon: { $text }
journal-email = e-mail: { $text }
journal-reply = antwoord: { $text }
journal-supplier-replied = leverancier antwoordde: { $text }
journal-supplier-solved = leverancier meldt dat het opgelost is: { $text }
journal-status = status { $from } → { $to }
journal-reopened = heropend vanuit { $from }
journal-assigned = toegewezen { $from } → { $to }
journal-nobody = niemand
journal-priority = prioriteit { $from } → { $to }
journal-supplier-ref-changed = kenmerk van de leverancier { $from } → { $to }
journal-supplier-ref = kenmerk van de leverancier { $to }
journal-routing-overridden = anders gerouteerd { $from } → { $to }: { $reason }
journal-satisfaction = tevredenheid { $score }/5 { $remark }
journal-solution = oplossing: { $text }
journal-major-on = gemarkeerd als grote verstoring
journal-major-off = geen grote verstoring meer
journal-linked = gekoppeld aan grote verstoring #{ $major }
journal-unlinked-from = ontkoppeld van grote verstoring #{ $major }
journal-unlinked = ontkoppeld
journal-resolved-with-major = opgelost met grote verstoring #{ $major }
journal-call-back-at = terugbellen op { $when }
journal-no-call-back = geen terugbelmoment
journal-anonymised = persoonsgegevens van de melder verwijderd (bewaartermijn)

## De opslag en back-ups (store/mod.rs, store/backup.rs)
store-in-use = de datamap { $dir } is in gebruik door een ander spoc-proces; gebruik dat (of stop het)
store-in-use-pid = de datamap { $dir } is in gebruik door een ander spoc-proces (pid { $pid }); gebruik dat (of stop het)
store-conflict = melding { $id } is gewijzigd door { $by } op { $at } (nu versie { $current }, jij had versie { $expected }); laad de melding opnieuw en probeer het nog eens
store-no-ticket = geen melding { $id }
store-damaged = de opslag is beschadigd: { $why }
store-restore-unfinished = een eerdere restore in { $dir } is niet afgerond; voer `spoc restore FILE --force` opnieuw uit
store-create-dir = kan de datamap { $dir } niet aanmaken: { $why }
store-too-broad = met { $part } beginnen te veel woorden om op te zoeken; typ er meer van
store-still-reading = de server leest nog alle meldingen in om te kunnen zoeken (eenmaal na het starten); probeer het zo opnieuw
store-sled = opslag: { $why }
store-disk-full = de schijf met de opslag is vol: maak ruimte vrij en probeer het opnieuw (niets wat bevestigd is, gaat verloren)
store-disk-full-short = de schijf met de opslag is vol
store-corrupted = de opslag is niet te lezen: hij is beschadigd; zet de laatste back-up terug (spoc restore BESTAND --force)
store-backup-writing = back-up schrijven
store-backup-receiving = back-up ontvangen
store-backup-line-too-long = een regel langer dan { $mib } MiB: dit is geen spoc-back-up
store-backup-no-room = de back-up is groter dan de ruimte die over is op de schijf van { $dir } (er blijft { $keep } MiB vrij voor de opslag): maak eerst ruimte vrij
store-backup-ticket-twice = ticket { $id } komt twee keer voor, of heeft nummer 0: deze back-up is bewerkt of beschadigd
store-backup-foreign = { $name } is geen spoc-back-up (het begint niet met `{ $header }`)
store-backup-version = { $name } is een back-up in formaat { $found }; deze spoc leest formaat 1 tot en met { $newest } (geschreven door een nieuwere spoc?)
store-backup-damaged = { $name }:{ $line }: de back-up is beschadigd: { $why }
store-backup-invalid = { $name }:{ $line }: { $why }; er is niets teruggezet
store-backup-not-empty = de opslag in { $dir } is niet leeg; zet terug met --force om alles erin te vervangen
store-backup-truncated = hij houdt op vóór de slotregel (afgekapt?)
store-backup-cut-off = de laatste regel is afgebroken (afgekapt?)
store-backup-checksum = de controlesom klopt niet met de inhoud
store-backup-callers-count = hij noemt { $said } melders, maar bevat er { $held }
store-backup-tickets-count = hij noemt { $tickets } meldingen en { $entries } logboekregels, maar bevat er { $held_tickets } en { $held_entries }
store-backup-content-after = er staat nog inhoud na de slotregel
store-backup-second-registry = een tweede register
store-backup-journal-count = melding { $id } heeft { $entries } logboekregels, verwacht: { $expected }
store-backup-registry-invalid = het register erin is ongeldig: { $error }
desk-forget-open = melder { $id } heeft nog een open melding (#{ $ticket }): sluit die af voordat je de melder vergeet
journal-solved-on-the-line = aan de lijn opgelost
server-restoring = er loopt een terugzetting op deze server; vraag het opnieuw als die klaar is (spoc status zegt of die nog loopt)
server-restore-halfway = het terugzetten stopte halverwege ({ $why }): de map beantwoordt nu alleen `status` en `restore`; los dat op en zet de back-up opnieuw terug

# screens-b (nl): melden, opzoeken, dashboard, zoeken, register en regie, en de berichten van
# het klembord.

## Het klembord

clipboard-copied = gekopieerd: { $text }
clipboard-nothing = niets te kopiëren

## Melden

intake-field-caller = melder
intake-field-participant = deelnemer
intake-field-service = dienst
intake-field-impact = impact 1-3
intake-field-urgency = urgentie 1-4
intake-field-title = titel
intake-field-description = omschrijving
intake-which-participant = welke deelnemer?
intake-which-service = welke dienst?
intake-not-a-number = { $field }: vul een getal in
intake-link-on = de melding wordt gekoppeld aan grote verstoring #{ $id }
intake-link-off = de melding wordt niet gekoppeld
intake-no-major = geen open grote verstoring voor deze dienst
intake-no-solution = geen standaardoplossing voor deze dienst
intake-caller-where = bij welke deelnemer hoort de melder?
intake-caller-name-first = typ eerst de naam van de melder (en telefoon of e-mail)
intake-saving = de melding wordt opgeslagen… (één keer is genoeg)
intake-caller-saved = melder { $name } is nu vastgelegd
intake-impact-1 = 1 hele organisatie
intake-impact-2 = 2 afdeling of groep
intake-impact-3 = 3 één persoon
intake-urgency-1 = 1 kritiek
intake-urgency-2 = 2 hoog
intake-urgency-3 = 3 normaal
intake-urgency-4 = 4 laag
intake-keys = tab: volgend veld · up/down: kiezen · ctrl-s: vastleggen · esc: verlaten
intake-preview-title = {" "}routering vooraf{" "}
intake-preview-helpdesk = servicedesk
intake-respond-by = {"  "}reactie   vóór { $due }
intake-resolve-by = {"  "}oplossing vóór { $due }
intake-preview-supplier = leverancier { $name }
intake-clocks-at-dispatch = {"  "}klokken lopen vanaf doorzetten
intake-unrouted = niet gerouteerd: de helpdesk behandelt het
intake-major = GROTE VERSTORING #{ $id } · { $status } · { $calls ->
        [one] { $calls } melding
       *[other] { $calls } meldingen
    }
intake-major-ref = GROTE VERSTORING #{ $id } · { $status }, kenmerk { $reference } · { $calls ->
        [one] { $calls } melding
       *[other] { $calls } meldingen
    }
intake-major-linked = gekoppeld: ctrl-l ontkoppelt
intake-major-link = ctrl-l koppelt deze melding eraan
intake-solutions = standaardoplossingen (ctrl-o: direct oplossen)
intake-solved-with = ✓ opgelost met: { $title }
intake-caller-head = melder { $name } · { $participant }
intake-no-earlier-calls = geen eerdere meldingen
intake-call-open = {"  "}open    #{ $id } { $status } { $title }
intake-call-earlier = {"  "}eerder  #{ $id } { $status } { $title }
intake-caller-not-on-file = melder onbekend: ctrl-n legt de melder vast

## Opzoeken: wie bellen we?

lookup-new-call = nieuwe melding: wie belt er, en vanaf waar?
lookup-find = zoek: { $typed }
lookup-solve-on-the-line = direct oplossen
lookup-no-contract = geen contract
lookup-solution-for = voor { $services }
lookup-placeholder = typ een leverancier, dienst, alias, trefwoord, contract of contactpersoon
lookup-kind-supplier = leverancier
lookup-kind-service = dienst
lookup-kind-contract = contract
lookup-kind-contact = contact
lookup-kind-solution = oplossing
lookup-role-service-desk = servicedesk
lookup-role-account-manager = accountmanager
lookup-role-escalation = escalatie
lookup-role-other = overig
lookup-major = GROTE VERSTORING { $line }
lookup-phone = telefoon
lookup-email = e-mail
lookup-portal = portaal
lookup-contract-valid-until = contract { $number } (geldig tot { $until }), servicetijden { $window }
lookup-contract-valid = contract { $number } (geldig), servicetijden { $window }
lookup-contract-invalid-until = contract { $number } (nu niet geldig, loopt tot { $until }), servicetijden { $window }
lookup-contract-invalid = contract { $number } (nu niet geldig), servicetijden { $window }
lookup-all-participants = alle deelnemers
lookup-covers = {"  "}voor { $whom }: { $services }
lookup-sla = {"  "}{ $priority }: reactie { $response }, oplossen { $resolve }

## Dashboard

dashboard-counting = tellen…
dashboard-summary = { $open } open · { $warning } dreigt · { $breached } te laat · { $today } vandaag gemeld
dashboard-major = VERSTORING { $line }
dashboard-major-more = VERSTORING { $line } (+{ $more } meer)
dashboard-per-supplier = per leverancier
dashboard-per-participant = per deelnemer
dashboard-per-agent = per behandelaar
dashboard-unrouted = niet gerouteerd
dashboard-unassigned = niemand
dashboard-col-open = {"  "}open
dashboard-col-warning = {" "}dreigt
dashboard-col-breached = {" "}te laat

## Zoeken

search-too-short = { $part } is te kort om op te zoeken: typ minstens twee letters of cijfers
search-prompt = zoek in alle meldingen: { $typed }
search-hint = woorden uit titel, omschrijving, logboek, melder, kenmerk of oplossing
search-empty = geen melding bevat al deze woorden
search-best = de beste { $n }; meer woorden maken het nauwkeuriger
search-found = { $n } gevonden · eerst treffers in de titel, dan de nieuwste
search-unrouted = geen contract

## Register

registry-tab-participants = deelnemers
registry-tab-services = diensten
registry-tab-suppliers = leveranciers
registry-tab-contracts = contracten
registry-tab-calendars = kalenders
registry-loading = laden…
registry-in-full-title = {" "}volledig · esc: terug naar de lijst{" "}
registry-nothing-found = niets in { $tab } bevat { $search }; esc wist de zoekopdracht
registry-list-keys = {" "}enter: volledig · /: zoeken{" "}
registry-hours-unknown = openingstijden onbekend
registry-no-escalation = {"  "}geen escalatiecontact
registry-open-ended = onbepaald
registry-expired = {"  "}verlopen
registry-field-code = code
registry-field-name = naam
registry-field-kind = soort
registry-field-locations = locaties
registry-contracts-covering = contracten voor { $code } ({ $n }):
registry-field-category = categorie
registry-field-aliases = aliassen
registry-field-keywords = trefwoorden
registry-contracts-for = contracten voor { $name } ({ $n }):
registry-unknown = onbekend
registry-field-phone = telefoon
registry-field-email = e-mail
registry-field-portal = portaal
registry-field-hours = bereikbaar
registry-field-procedure = procedure
registry-contacts = contactpersonen ({ $n }):
registry-role-escalation-level = escalatie { $level }
registry-contracts = contracten ({ $n }):
registry-field-number = nummer
registry-field-supplier = leverancier
registry-field-services = diensten
registry-field-participants = deelnemers
registry-field-valid = geldig
registry-field-notice = opzegtermijn
registry-notice-months = { $n ->
        [one] { $n } maand
       *[other] { $n } maanden
    }
registry-field-watch = bewaking
registry-field-window = servicetijden
registry-col-priority = prioriteit
registry-col-respond-within = reactie binnen
registry-col-resolve-within = oplossen binnen
registry-norms = normen (waaraan de cijfers van de leverancier moeten voldoen)
registry-norm-response = reactie gehaald
registry-norm-resolution = oplossing gehaald
registry-norm-satisfaction = tevredenheid
registry-norm-priority-response = { $priority } reactie gehaald
registry-norm-priority-resolution = { $priority } oplossing gehaald
registry-field-timezone = tijdzone
registry-calendar-open = openingstijden
registry-closed = gesloten
registry-holidays = feestdagen
registry-holidays-built-in = {"  "}de ingebouwde set { $quoted } (spoc calendar holidays --country { $country })
registry-holidays-also = {"  "}ook { $dates }
registry-holidays-except = {"  "}behalve { $dates }
registry-role-service-desk = servicedesk
registry-role-account-manager = accountmanager
registry-role-escalation = escalatie
registry-role-other = overig
registry-day-mon = maandag
registry-day-tue = dinsdag
registry-day-wed = woensdag
registry-day-thu = donderdag
registry-day-fri = vrijdag
registry-day-sat = zaterdag
registry-day-sun = zondag
registry-day-short-mon = ma
registry-day-short-tue = di
registry-day-short-wed = wo
registry-day-short-thu = do
registry-day-short-fri = vr
registry-day-short-sat = za
registry-day-short-sun = zo
registry-coverage-all = alle

## Regie

regie-working = de cijfers worden berekend…
regie-col-supplier = leverancier
regie-col-response-met = reactie gehaald %
regie-col-resolution-met = oplossing gehaald %
regie-section-suppliers = leveranciers, 12 maanden
regie-section-per-priority = gehaald % per prioriteit, reactie / oplossing (12 maanden)
regie-section-trend = oplossing gehaald per maand, alle leveranciers
regie-section-watch = contractbewaking (90 dagen)
regie-uncovered-service = dienst { $service }: geen geldig contract
regie-no-escalation = geen escalatiecontact: { $names }
regie-watch-quiet = geen contract loopt af of passeert de opzegdatum binnen 90 dagen
regie-watch-notice-ahead = { $head }: opzeggen vóór { $notice } ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    }), eindigt { $until }
regie-watch-notice-passed = { $head }: opzegdatum { $notice } VERSTREKEN, eindigt { $until } ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    })
regie-watch-ended = { $head }: AFGELOPEN { $until } ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } geleden)
regie-watch-ends = { $head }: eindigt { $until } ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    })

# cli-b (nl): de regierapportages voor mensen (`spoc report`: de tabellen, de tabbladen en
# kolomnamen van een werkmap, de contractbewaking) en het overlegpakket (`spoc report pack`).

## De tabellen van de rapportages

report-all-contracts = (alle)
report-nothing-dispatched = in deze periode is geen melding doorgezet
report-nothing-logged = in deze periode is geen melding gedaan
report-legend-1 = gehaald: % van de afgeronde klokken, gehaald van afgerond, (+N) lopen nog binnen de norm · u: werkuren
report-legend-2 = tot oplossing · te laat: open meldingen met een overschreden klok · score: gemiddelde tevredenheid 1-5 (aantal)
report-section-per-priority = per prioriteit (contracten stellen normen per prioriteit)
report-section-times = tijden, medianen in werkuren
report-section-norms = getoetst aan de normen
report-section-experience = ervaring: hoeveel melders elke score gaven (opmerkingen met --detail)
report-section-detail = de meldingen achter deze cijfers
report-verdict-met = gehaald
report-verdict-not-met = NIET GEHAALD: { $missed }
report-missed = { $what } { $value } < { $norm }
report-missed-priority = { $priority } { $what } { $value } < { $norm }
report-norm-response = reactie
report-norm-resolution = oplossing
report-norm-satisfaction = tevredenheid
report-backlog-title-end = achterstand: wachtend op de leverancier aan het eind van { $day }, naar ouderdom in werkdagen van de servicetijden
report-backlog-title-at = achterstand: wachtend op de leverancier op { $at }, naar ouderdom in werkdagen van de servicetijden
report-longest-title = langste wachttijden aan het eind van de periode
report-kept-title = bij de servicedesk gebleven: meldingen uit de periode voor diensten van de leverancier die daar nooit aankwamen
report-first-contact-title = eerstelijnsoplossing: opgelost bij eerste contact (aan de lijn, door de servicedesk)
report-outcome-met = gehaald
report-outcome-breached = te laat
report-outcome-pending = loopt
report-bool-true = ja
report-bool-false = nee
report-age-under-1 = < 1 wd
report-age-1-3 = 1–3 wd
report-age-3-10 = 3–10 wd
report-age-over-10 = > 10 wd
report-wrote = { $path } geschreven

## De tabbladen van een werkmap

report-sheet-figures = cijfers
report-sheet-per-priority = per prioriteit
report-sheet-times = tijden
report-sheet-experience = ervaring
report-sheet-tickets = meldingen

## Kolomnamen

report-col-supplier = leverancier
report-col-contract = contract
report-col-participant = deelnemer
report-col-top-services = meest gemelde diensten
report-col-service = dienst
report-col-month = maand
report-col-dispatched = doorgezet
report-col-logged = gemeld
report-col-response-met = reactie gehaald
report-col-resolution-met = oplossing gehaald
report-col-median-h = mediaan u
report-col-p90-h = p90 u
report-col-breaches = te laat
report-col-reopened = heropend
report-col-score = score
report-col-priority = prioriteit
report-col-tickets = meldingen
report-col-response-decided = reactie afgerond
report-col-response-met-pct = reactie gehaald %
report-col-resolution-decided = oplossing afgerond
report-col-resolution-met-pct = oplossing gehaald %
report-col-to-respond = tot reactie
report-col-over-target = boven de norm (te laat)
report-col-held = vastgehouden vóór doorzetten
report-col-first-contact = eerste contact
report-col-share = aandeel
report-col-average = gemiddeld
report-col-waiting = wachtend
report-col-ticket = melding
report-col-business-h = werkuren
report-col-age = ouderdom
report-col-their-ref = kenmerk lev.
report-col-title = titel
report-col-solved-by-desk = bij de servicedesk opgelost
report-col-unroutable = niet te routeren
report-col-valid-until = geldig tot
report-col-notice-by = opzeggen vóór
report-col-state = stand
report-col-days = dagen

## Kolomnamen van de cijfers en de meldingen erachter, zoals een spreadsheet ze heeft

report-field-response-met-pct = reactie gehaald %
report-field-resolution-met-pct = oplossing gehaald %
report-field-median-resolution-hours = mediaan oplostijd (u)
report-field-p90-resolution-hours = p90 oplostijd (u)
report-field-open-breaches = open en te laat
report-field-satisfaction-avg = tevredenheid gemiddeld
report-field-satisfaction-count = tevredenheid aantal
report-field-median-response-hours = mediaan reactietijd (u)
report-field-median-over-target-hours = mediaan boven de norm (u)
report-field-median-held-hours = mediaan vastgehouden (u)
report-field-reopened-pct = heropend %
report-field-norm = oordeel
report-field-norm-missed = normen niet gehaald
report-field-score = score { $n }
report-field-priority-tickets = { $priority } meldingen
report-field-priority-response-met-pct = { $priority } reactie gehaald %
report-field-priority-resolution-met-pct = { $priority } oplossing gehaald %
report-field-supplier-ref = kenmerk leverancier
report-field-from = start
report-field-response = reactietijd
report-field-resolution = oplostijd
report-field-response-hours = reactietijd (u)
report-field-resolution-hours = oplostijd (u)
report-field-over-target-hours = boven de norm (u)
report-field-held-hours = vastgehouden (u)
report-field-open-breach = open en te laat
report-field-satisfaction = tevredenheid
report-field-remark = opmerking
report-field-solution = oplossing

## De contractbewaking

report-watch-title = contracten die eindigen, of waarvan de opzegdatum verstrijkt, binnen { $within ->
        [one] { $within } dag
       *[other] { $within } dagen
    } na { $today }, en die in de afgelopen { $ended ->
        [one] { $ended } dag
       *[other] { $ended } dagen
    } zijn geëindigd
report-watch-none = geen
report-watch-uncovered = diensten zonder geldig contract
report-watch-no-escalation = leveranciers zonder escalatiecontact
report-watch-days-ago = { $days ->
        [one] { $days } dag geleden
       *[other] { $days } dagen geleden
    }
report-watch-days-to = { $days ->
        [one] { $days } dag tot { $date }
       *[other] { $days } dagen tot { $date }
    }
report-state-notice-ahead = opzeggen kan nog
report-state-notice-passed = opzegdatum verstreken
report-state-ending = loopt af
report-state-ended = afgelopen

## Het overlegpakket

pack-subtitle = Maandelijks leveranciersoverleg · { $month } · gemaakt { $made } (tijden in { $zone })
pack-this-month = Deze maand
pack-col-median-resolution = mediane oplostijd (werkuren)
pack-col-p90 = p90
pack-col-open-breaches = open en te laat
pack-col-reopened = heropend (teruggestuurd)
pack-met-of = { $pct }% ({ $met } van { $measured })
pack-met-of-running = { $pct }% ({ $met } van { $measured }, nog { $running } lopend)
pack-none-decided = – (0 afgerond)
pack-none-decided-running = – (0 afgerond, nog { $running } lopend)
pack-verdict-met = Getoetst aan de normen van het contract: gehaald.
pack-verdict-missed = Getoetst aan de normen van het contract: NIET GEHAALD: { $missed }.
pack-no-norms = Geen contract van deze leverancier stelt normen; de grafieken tonen 90 %.
pack-per-priority = Gehaald % per prioriteit, twaalf maanden
pack-key-resolution = oplossing
pack-key-response = reactie
pack-norm-priority = norm voor { $priority } { $norm }%
pack-norm-overall = de algemene norm { $norm }% (getoetst over alle prioriteiten samen)
pack-norm-none = geen norm gesteld: { $norm }% getoond
pack-volumes = Volumes: doorgezette meldingen per maand
pack-backlog = Achterstand aan het eind van de maand
pack-nothing-waiting = Aan het eind van de maand wachtte er niets op de leverancier.
pack-longest = De langste wachttijden
pack-col-their-reference = kenmerk leverancier
pack-kept = Meldingen voor diensten van de leverancier die daar nooit aankwamen: bij de servicedesk opgelost { $solved } ({ $solved_ids }), niet te routeren { $unroutable } ({ $unroutable_ids }).
pack-breaches = Overschrijdingen deze maand: { $n }
pack-over-median = Hoe ver ze over de norm gingen, mediaan: { $median } werkuren.
pack-col-over-target = boven de norm (werkuren)
pack-experience = Ervaring: de scores van de melders deze maand
pack-remarks = Wat melders zeiden
pack-watch = Contractbewaking (90 dagen)
pack-watch-quiet = Geen contract van deze leverancier eindigt of passeert zijn opzegdatum binnen 90 dagen.
pack-no-escalation = Geen escalatiecontact in het register.
pack-appendix = { $n ->
        [one] Bijlage: de melding achter de cijfers van deze maand
       *[other] Bijlage: de { $n } meldingen achter de cijfers van deze maand
    }
pack-col-resolution-h = oplostijd (u)
pack-col-over-h = boven de norm (u)
report-to-before-from = --to ligt vóór --from
report-excel-with-csv = --excel hoort bij --format csv
report-output-with-xlsx = -o hoort bij --format xlsx; de andere formaten drukken af (leid ze om met >)
report-xlsx-needs-output = --format xlsx schrijft een bestand: geef het op met -o BESTAND
pack-not-a-month = --month { $month } is geen maand (JJJJ-MM, bijv. 2026-10)
pack-supplier-or-all = --supplier of --all, niet allebei
pack-name-the-supplier = noem de leverancier (--supplier NAAM), of --all voor een pakket per leverancier
pack-month-out-of-range = --month valt buiten het bereik
pack-no-such-folder = -o { $file }: de map { $folder } bestaat niet
pack-all-needs-folder = -o { $dir }: noem bij --all een map die bestaat (een bestand per leverancier)

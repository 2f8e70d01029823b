# registry (nl): de validatie- en importfouten van het register en de kalenders
# Alleen de melding wordt vertaald: het bestand, de regel, het veld (een TOML-sleutel of een
# CSV-kolom) en de waarden die uit een bestand geciteerd worden blijven zoals ze zijn.

## Een register valideren (domain/registry/validate.rs)
reg-must-not-be-empty = mag niet leeg zijn
reg-unknown-calendar = onbekende kalender { $given }
reg-used-by = { $name } is al in gebruik bij { $table } { $holder }
reg-used-by-participant = { $name } is al in gebruik bij deelnemer { $holder }
reg-used-by-service = { $name } is al in gebruik bij dienst { $holder }
reg-used-by-supplier = { $name } is al in gebruik bij leverancier { $holder }
reg-used-by-contract = { $name } is al in gebruik bij contract { $holder }
reg-used-by-calendar = { $name } is al in gebruik bij kalender { $holder }
reg-used-by-solution = { $name } is al in gebruik bij standaardoplossing { $holder }
reg-calendar-built-in = { $name }: 24x7 is ingebouwd
reg-calendar-name-taken = { $name }: een andere kalender heeft deze naam al
reg-reopen-days-too-many = { $days } dagen is meer dan { $max } (tien jaar)
reg-retention-out-of-range = { $months } maanden ligt niet tussen 1 en 240 (twintig jaar)
reg-warning-not-a-share = { $value } is geen fractie tussen 0 en 1 (bijv. 0.75)
reg-agreement-needs-every-priority = de helpdeskafspraak heeft voor elke prioriteit een norm nodig
reg-target-zero = een norm kan niet nul zijn
reg-code-has-spaces = een code bevat geen spaties
reg-escalation-needs-level = een escalatiecontact heeft een niveau van 1 of hoger nodig
reg-solution-same-title = dezelfde titel als standaardoplossing { $number } van het bestand
reg-solution-needs-steps = beschrijf wat er moet gebeuren
reg-contract-needs-service = een contract dekt minstens één dienst
reg-contract-covers-nobody = een lege lijst dekt niemand (schrijf "all" voor iedereen)
reg-valid-until-before-from = { $until } ligt vóór valid_from { $from }
reg-contract-needs-targets = een contract heeft voor P1..P4 normen voor reactie en oplossing nodig
reg-ambiguous-participant-until = contracten { $a } en { $b } dekken allebei dienst { $service } voor deelnemer { $participant }, even specifiek, en zijn allebei geldig van { $from } tot { $until }: de routering zou niet eenduidig zijn
reg-ambiguous-participant-open = contracten { $a } en { $b } dekken allebei dienst { $service } voor deelnemer { $participant }, even specifiek, en zijn allebei geldig vanaf { $from }: de routering zou niet eenduidig zijn
reg-ambiguous-all-until = contracten { $a } en { $b } dekken allebei dienst { $service } voor alle deelnemers, even specifiek, en zijn allebei geldig van { $from } tot { $until }: de routering zou niet eenduidig zijn
reg-ambiguous-all-open = contracten { $a } en { $b } dekken allebei dienst { $service } voor alle deelnemers, even specifiek, en zijn allebei geldig vanaf { $from }: de routering zou niet eenduidig zijn

## Waar een fout staat (domain/registry/file.rs, domain/registry/import.rs); elk volgt op de melding
reg-at-line = (regel { $line })
reg-stored-not-in-file = (opgeslagen, niet in dit bestand)
reg-in-stored-registry = in het opgeslagen register
reg-replace-removes = (dit bestand noemt het niet, en --replace verwijdert wat het bestand niet noemt)

## Bestanden die geen tekst zijn (domain/registry/text.rs)
reg-text-spreadsheet = dit is een spreadsheet-werkmap (.xlsx, .xls of .ods), geen tekst: sla hem op als CSV
reg-text-bad-utf8-bom = geen geldige UTF-8, hoewel het bestand met een UTF-8-BOM (byte order mark) begint
reg-text-bad-utf16-le = geen geldige UTF-16 (little-endian, volgens de BOM)
reg-text-bad-utf16-be = geen geldige UTF-16 (big-endian, volgens de BOM)
reg-text-control-character = stuurteken { $character } waar tekst verwacht werd
reg-text-nul-character = stuurteken { $character } waar tekst verwacht werd (UTF-16 zonder BOM, of geen tekstbestand?)

## CSV-bestanden (domain/registry/sheet.rs)
csv-unclosed-quote = een aanhalingsteken (") dat hier opent wordt nergens gesloten, zodat elke rij erna als deel van deze cel gelezen zou worden; sluit het, of verdubbel een aanhalingsteken dat bij de tekst hoort ("")
csv-header-unreadable = de kopregel is niet te lezen: { $error }
csv-row-cells = deze rij heeft { $cells ->
        [one] { $cells } cel
       *[other] { $cells } cellen
    }, de kopregel { $expected } (een lijst of tekst met { $delimiter } erin moet tussen aanhalingstekens)
csv-not-valid = geen geldige CSV: { $error }
csv-unknown-column = onbekende kolom (verwacht een of meer van: { $expected })
csv-unknown-column-near = onbekende kolom (bedoel je { $near }? verwacht een of meer van: { $expected })
csv-column-twice = deze kolom staat twee keer in de kopregel
csv-no-kind = de kopregel heeft geen kolom `supplier` (leveranciers met contactpersonen) en geen kolom `code` (deelnemers)
csv-no-kind-near = de kopregel heeft geen kolom `supplier` (leveranciers met contactpersonen) en geen kolom `code` (deelnemers) (bedoel je { $near } in plaats van { $column }?)
csv-line-break-in-cell = een regeleinde in deze cel: hier hoort één regel tekst
csv-no-supplier-above = leeg, en op geen rij erboven staat een leverancier die deze rij voortzet
csv-no-participant-above = leeg, en op geen rij erboven staat een deelnemer die deze rij voortzet
csv-differs = { $value } wijkt af van { $old } op een eerdere rij van { $entry }
csv-unknown-role = onbekende rol { $role } (verwacht service_desk, account_manager, escalation of other)
csv-level-not-a-number = verwacht een geheel getal (1 is het eerste niveau)
csv-contact-twice = { $contact } van { $supplier } staat al op regel { $line }

## Kalenders (domain/sla/spec.rs)
cal-needs-name = een kalender heeft een naam nodig
cal-unknown-timezone = onbekende tijdzone { $zone } (verwacht een IANA-naam zoals "Europe/Amsterdam")
cal-unknown-day = onbekende dag { $day } (verwacht een van { $days })
cal-windows-overlap = de openingstijden { $first } en { $second } overlappen
cal-never-open = de kalender is nooit open (geef minstens één dag openingstijden)
cal-no-holiday-set = geen ingebouwde feestdagenlijst { $code } (bekend: nl)
cal-not-a-date = { $text } is geen datum (verwacht JJJJ-MM-DD)
cal-except-needs-country = `except` werkt alleen met een `country`: het houdt feestdagen daarvan open
cal-not-a-holiday = { $name } is geen dag uit de feestdagenlijst { $country } (bekend: { $known })
cal-dates-expected = verwacht een lijst datums, elk JJJJ-MM-DD (met of zonder aanhalingstekens)
cal-window-no-dash = ongeldige openingstijd { $text }: geen `-` tussen de tijden (verwacht UU:MM-UU:MM, bijv. "08:00-17:00")
cal-window-bad-open = ongeldige openingstijd { $text }: het begin is geen UU:MM (verwacht UU:MM-UU:MM, bijv. "08:00-17:00")
cal-window-bad-close = ongeldige openingstijd { $text }: het einde is geen UU:MM (verwacht UU:MM-UU:MM, bijv. "08:00-17:00")
cal-window-opens-at-24 = ongeldige openingstijd { $text }: die kan niet om 24:00 beginnen (verwacht UU:MM-UU:MM, bijv. "08:00-17:00")
cal-window-closes-first = ongeldige openingstijd { $text }: het einde ligt vóór het begin (verwacht UU:MM-UU:MM, bijv. "08:00-17:00")

## Duren (domain/sla/duration.rs)
cal-duration-empty = ongeldige duur { $text }: die is leeg (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-number-first = ongeldige duur { $text }: voor elke eenheid hoort een getal (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-too-large = ongeldige duur { $text }: het getal is te groot (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-write-bd = ongeldige duur { $text }: schrijf werkdagen als `bd` (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-no-unit = ongeldige duur { $text }: de eenheid ontbreekt (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-unknown-unit = ongeldige duur { $text }: onbekende eenheid (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-unit-order = ongeldige duur { $text }: elke eenheid hoogstens één keer, in de volgorde bd, h, m, s (verwacht bijv. 90m, 4h, 1h30m of 3bd)
cal-duration-too-long = ongeldige duur { $text }: die is langer dan tien jaar (verwacht bijv. 90m, 4h, 1h30m of 3bd)

## Prioriteit (domain/priority.rs)
prio-unknown = onbekende prioriteit { $given } (verwacht P1, P2, P3 of P4)
prio-impact-out-of-range = impact { $impact } valt buiten het bereik (1 hele organisatie, 2 afdeling of groep, 3 één persoon)
prio-urgency-out-of-range = urgentie { $urgency } valt buiten het bereik (1 kritiek .. 4 laag)
reg-not-a-percentage = { $value } is geen percentage (0 tot en met 100)
reg-not-a-score = { $value } is geen tevredenheidsscore (1 tot en met 5)
reg-expected-a-date = een datum verwacht
file-field = veld { $field }
change-added = { $table } { $name }: toegevoegd
change-removed = { $table } { $name }: verwijderd
change-fields = { $table } { $name }: { $fields }
change-table-calendar = kalender
change-table-participant = deelnemer
change-table-service = dienst
change-table-supplier = leverancier
change-table-contract = contract
change-table-solution = standaardoplossing

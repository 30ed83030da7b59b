import type { FindingCode, FindingLike } from '../model/findings.js';
import type { Lang } from '../model/vocabulary.js';
import { both, inLang } from './phrasebook.js';
import { groupByCode } from './warnings.js';
import { BESIDE_FINDING_WORDS } from './beside-words.js';

type Sentence = { sv: string; en: string };

/**
 * Every kind of finding in plain words, for readers of a brief: what happened to the data, in
 * Swedish and English. A kind without a sentence does not compile.
 */
export const FINDING_WORDS = {
  'record-too-long': { sv: 'En rad i filen var längre än gränsen (ofta ett citattecken som aldrig avslutas); resten av filen lästes inte.', en: 'A row of the file was longer than the limit (often a quote that is never closed); the rest of the file was not read.' },
  'source-disagreement-hidden': { sv: 'Två källor anger olika värden för ett dolt resultat; svar på individnivå går före publicerade värden, annars används den först angivna filen.', en: 'Two sources give different values for a hidden result; respondent-level answers come before published figures, else the file given first is used.' },
  'container-fewer': { sv: 'En region, riket eller en grupp har färre svarande än de kommuner i den som underlaget också har; källorna stämmer inte med varandra eller räknar olika personer.', en: 'A region, the nation or a group has fewer respondents than the municipalities in it that the inputs also have; the sources disagree or count different people.' },
  'container-held-back': { sv: 'Riket eller en jämförelsegrupp visas inte där en annan siffra i samma fråga är dold: tillit kan inte kontrollera att dess siffra inte röjer den dolda (för en grupp: ange dess medlemmar i konfigurationen).', en: 'The nation or a comparison group is not shown where another figure of the same question is hidden: tillit cannot check that its figure does not give the hidden one away (for a group: list its members in the config).' },
  'gender-unknown-residual': { sv: 'Några svarande har inte angett kön; de räknas i totalen och skyddas som en egen grupp som aldrig visas.', en: 'Some respondents gave no gender; they count in the total and are protected as a group of their own that is never shown.' },
  'indicator-from-title': { sv: 'Ett nyckeltal angavs med Koladas titel och lästes som det nyckeltalet.', en: 'An indicator was given by its Kolada title and read as that KPI.' },
  'indicator-from-header': { sv: 'Filen saknar indikatorkolumn; indikatorn togs från värdekolumnens rubrik.', en: 'The file has no indicator column; the indicator was taken from the value column\'s heading.' },
  'column-as-indicator': { sv: 'Filen saknar indikatorkolumn; en kolumn med ett enda värde lästes som indikatorn.', en: 'The file has no indicator column; a column with a single value was read as the indicator.' },
  'indicator-from-file': { sv: 'Filen saknar indikatorkolumn; värdena fick namn efter filens titel eller namn.', en: 'The file has no indicator column; the values were named after the file\'s title or name.' },
  'column-percent': { sv: 'En kolumn med procent, uträknade ur beloppen, lästes inte; tillit räknar ut dem själv.', en: 'A column of percentages, worked out from the amounts, was not read; tillit works them out itself.' },
  'answer-counts': { sv: 'Filen med svar anger för varje svarsalternativ hur många som svarat så (en kolumn "Antal"): varje rad räknades så många gånger.', en: 'The file of answers gives for each answer how many gave it (a column "Antal"): each row was counted that many times.' },
  'column-weight': { sv: 'Filen med svar har en viktkolumn (t.ex. "Vikt"), men tillit räknar varje svarande en gång (oviktat): andelarna kan skilja sig från utgivarens viktade.', en: 'The file of answers has a weight column (e.g. "Vikt"), but tillit counts each respondent once (unweighted): the shares may differ from the publisher\'s weighted ones.' },
  'column-unused': { sv: 'En kolumn som inte kändes igen lästes inte.', en: 'A column that was not recognised was not read.' },
  'period-from-header': { sv: 'Filen saknar periodkolumn; månaden togs från en kolumnrubrik (t.ex. "Utfall jan–aug").', en: 'The file has no period column; the month was taken from a column heading (e.g. "Utfall jan–aug").' },
  'period-from-columns': { sv: 'Rader daterade med bara ett år lästes som årets uppföljning till den månad kolumnrubrikerna nämner (t.ex. "Budget jan-aug": till och med augusti), inte som helåret.', en: 'Rows dated by a year alone were read as that year\'s follow-up up to the month the column headings name (e.g. "Budget jan-aug": to the end of August), not as the whole year.' },
  'period-columns-differ': { sv: 'Rader vars period inte stämmer med månaderna i kolumnrubrikerna (t.ex. period 2025-06 men "Budget jan-aug") lästes inte: det går inte att veta vilken av dem som är rätt.', en: 'Rows whose period does not match the months the column headings name (e.g. period 2025-06 but "Budget jan-aug") were not read: which of them is right cannot be known.' },
  'period-preliminary': { sv: 'Källan markerar ett års siffror som preliminära (t.ex. "2024*"); de lästes som det året.', en: 'The source marks a year\'s figures as preliminary (e.g. "2024*"); they were read as that year.' },
  'period-pooled': { sv: 'Perioder som slås samman över flera år (t.ex. 2004–2007) ordnas efter sitt sista år; överlappande perioder gör att en trend ser jämnare ut än den är.', en: 'Periods pooled over several years (e.g. 2004–2007) are ordered by their last year; overlapping periods make a trend look steadier than it is.' },
  'rows-none-usable': { sv: 'Ingen rad i filen kunde användas.', en: 'No row of the file could be used.' },
  'kind-no-amounts': { sv: 'Filen angavs som budgetfil men saknar beloppskolumner.', en: 'The file was given as a budget file but has no amount columns.' },
  'period-grain': { sv: 'Rader daterade med år i en fil daterad med månader (eller tvärtom) ingår inte.', en: 'Rows dated by year in a file dated by month (or the reverse) are not included.' },
  'answer-repeated': { sv: 'Samma person har svarat på samma fråga mer än en gång (filen kan ha lästs två gånger); ingen rapport gjordes.', en: 'The same person answered the same question more than once (a file may have been read twice); no report was made.' },
  'answer-repeated-more': { sv: 'Fler svar upprepar samma persons tidigare svar.', en: 'More answers repeat the same person\'s earlier answer.' },
  'answer-positive-dropped': { sv: 'Inställningarna räknar ett svar som är positivt på en inbyggd svarsskala (t.ex. "Ganska nöjd") som inte positivt; andelen positiva är då en annan än den vanliga.', en: 'The config counts an answer that is positive on a built-in answer scale (e.g. "Ganska nöjd") as not positive; the share of positive answers then differs from the usual one.' },
  'answer-scale-inferred': { sv: 'En sifferskala (t.ex. 1–5 eller 1–10) bestämdes av det högsta svar som gavs på frågan.', en: 'A numeric scale (e.g. 1–5 or 1–10) was decided from the highest answer given to the question.' },
  'answer-scale-changed': { sv: 'En fråga bytte sifferskala mellan åren (t.ex. från 1–5 till 1–10); varje skala lästes för sig, och förändring och trend räknas inte över bytet, eftersom andelar på olika skalor inte är jämförbara.', en: 'A question changed numeric scale between years (e.g. from 1–5 to 1–10); each scale was read on its own, and no change or trend is worked out across the change, as shares on different scales are not comparable.' },
  'answer-scale-unclear': { sv: 'En frågas sifferskala gick inte att avgöra: något svarsvärde låg för sig ovanför de övriga, som en kod för "Vet ej" (t.ex. 1–5 och 9); frågans andelar visas inte förrän skalan eller koden anges i konfigurationen.', en: 'A question\'s numeric scale could not be told: some value stood apart above the others, as a code for "Vet ej" would (e.g. 1–5 and 9); the question\'s shares are not shown until the scale or the code is given in the config.' },
  'cell-incomplete': { sv: 'Resultat där något svar avvisades visas inte (ofullständiga).', en: 'Results where an answer was rejected are not shown (incomplete).' },
  'budget-conflict': { sv: 'Två filer anger olika belopp för samma verksamhet och månad; den månaden visas utan siffror.', en: 'Two files give different amounts for the same activity and month; that month is shown without figures.' },
  'budget-repeated': { sv: 'Samma belopp fanns i två filer och lästes en gång.', en: 'The same amounts were in two files and were read once.' },
  'budget-forecast-earlier': { sv: 'En eller flera rader saknar prognos den senaste månaden men hade en tidigare i år; den tidigare prognosen visas inte.', en: 'One or more lines have no forecast in the latest month but had one earlier in the year; the earlier forecast is not shown.' },
  'budget-behind': { sv: 'En del har budgetsiffror till en tidigare månad än de övriga och visas vid sin senaste månad.', en: 'A part has budget figures up to an earlier month than the others and is shown at its latest month.' },
  'budget-not-this-year': { sv: 'En del har inga budgetsiffror i år och visas inte.', en: 'A part has no budget figures this year and is not shown.' },
  'budget-financing-lines': { sv: 'Skatteintäkter, statsbidrag och finansiella poster är inte verksamheter: de ingår inte i verksamheternas total utan i årets resultat.', en: 'Tax revenue, grants and financial items are not activities: they are left out of the activities\' total and counted in the year\'s result.' },
  'budget-months-differ': { sv: 'En summa görs vid den senaste månad som alla dess delar har.', en: 'A sum is made at the latest month all its parts have.' },
  'outcome-not-booked': { sv: 'Underlaget har utfall 0 på alla rader för månader efter den sista bokförda; de läses som ännu inte bokförda, inte som månader utan kostnader.', en: 'The data has an outcome of 0 on every line for months after the last one booked; they are read as not booked yet, not as months without costs.' },
  'budget-outcome-ends': { sv: 'Underlaget har budget eller prognos för senare månader men inget utfall ännu; ekonomidelen visar den senaste månaden med utfall.', en: 'The data has budget or forecast for later months but no outcome yet; the budget part shows the latest month with an outcome.' },
  'period-budget-unbooked': { sv: 'Den begärda månaden har inget utfall ännu; ekonomidelen visar den senaste månaden med utfall.', en: 'The requested month has no outcome yet; the budget part shows the latest month with an outcome.' },
  'budget-no-outcome': { sv: 'Underlaget har inget utfall; ekonomidelen visar bara budget och prognos, utan avvikelse eller status.', en: 'The data has no outcome; the budget part shows budget and forecast only, with no deviation or status.' },
  'budget-months-missing': { sv: 'En rad saknar utfall för någon månad i år; dess utfall hittills kan inte summeras, så raden saknar avvikelse och status.', en: 'A line lacks an outcome for a month this year; its outcome to date cannot be added up, so it has no deviation or status.' },
  'budget-sum-incomplete': { sv: 'En summa saknar budget eller utfall hittills för någon av sina delar och har därför ingen avvikelse eller status.', en: 'A sum lacks a budget or an outcome to date for one of its parts, so it has no deviation or status.' },
  'unit-inferred': { sv: 'Filen anger ingen beloppsenhet; beloppen lästes som tusentals eller miljoner kronor, eftersom de i kronor vore orimliga eller mindre troliga (varningen anger enheten).', en: 'The file states no amount unit; the amounts were read as thousands or millions of kronor, as in kronor they would be implausible or less likely (the warning names the unit).' },
  'unit-no-plausible': { sv: 'Ingen beloppsenhet gör filens belopp rimliga; beloppen ingår inte.', en: 'No amount unit makes the file\'s amounts plausible; the amounts are not included.' },
  'file-not-found': { sv: 'Filen hittades inte och ingår inte.', en: 'The file was not found and is not included.' },
  'file-unreadable': { sv: 'Filen kunde inte läsas och ingår inte.', en: 'The file could not be read and is not included.' },
  'file-empty': { sv: 'Filen är tom.', en: 'The file is empty.' },
  'file-binary': { sv: 'Filen är inte en textfil (CSV eller JSON) och ingår inte.', en: 'The file is not a text file (CSV or JSON) and is not included.' },
  'file-header-only': { sv: 'Filen har rubriker men inga rader med data.', en: 'The file has headings but no rows of data.' },
  'json-no-values': { sv: 'Kolada-svaret har inga värden.', en: 'The Kolada response has no values.' },
  'file-too-large': { sv: 'Filen är större än gränsen och lästes inte.', en: 'The file is larger than the limit and was not read.' },
  'encoding-invalid': { sv: 'Filen har tecken som inte kunde läsas; de raderna ingår inte.', en: 'The file has characters that could not be read; those rows are not included.' },
  'encoding-detected': { sv: 'Filen var inte UTF-8 och lästes som Windows-1252.', en: 'The file was not UTF-8 and was read as Windows-1252.' },
  'header-unrecognised': { sv: 'Filen har inga kända kolumnrubriker och kunde inte tolkas.', en: 'The file has no known column headings and could not be read.' },
  'answers-n-repeated': { sv: 'En fil med svar anger samma antal på varje svarsalternativ (frågans antal svarande, inte hur många som gav svaret) och kunde inte räknas.', en: 'A file of answers gives the same count on every answer (the question\'s respondents, not how many gave the answer) and could not be counted.' },
  'header-missing-column': { sv: 'En kolumn som behövs saknas i filen.', en: 'A column that is needed is missing from the file.' },
  'header-ambiguous-column': { sv: 'Två kolumner betyder samma sak; den första användes.', en: 'Two columns mean the same thing; the first was used.' },
  'csv-syntax': { sv: 'Filen har fel i CSV-formatet (t.ex. ett citattecken som inte avslutas); berörda rader ingår inte.', en: 'The file has CSV format errors (e.g. an unclosed quote); the rows affected are not included.' },
  'row-column-count': { sv: 'Rader med fel antal fält ingår inte.', en: 'Rows with the wrong number of fields are not included.' },
  'row-repeated-header': { sv: 'Rubrikraden upprepas inne i filen; den räknas inte som data.', en: 'The heading line is repeated inside the file; it is not counted as data.' },
  'row-other-header': { sv: 'En annan tabells rubrikrad står under tabellen; den och raderna under den läses inte som tabellens rader.', en: 'Another table\'s heading line stands under the table; it and the rows below it are not read as the table\'s rows.' },
  'row-under-other-header': { sv: 'Rader under en annan tabells rubrikrad läses inte.', en: 'Rows under another table\'s heading line are not read.' },
  'value-beyond-exact': { sv: 'Tal större än vad som kan hållas exakt (över 9 biljarder) ingår inte.', en: 'Numbers too large to be held exactly (over 9 quadrillion) are not included.' },
  'value-number-invalid': { sv: 'Värden som inte är tal ingår inte.', en: 'Values that are not numbers are not included.' },
  'value-required': { sv: 'Rader där ett nödvändigt värde saknas ingår inte.', en: 'Rows missing a required value are not included.' },
  'value-out-of-range': { sv: 'Värden utanför det möjliga (t.ex. en andel över 100 %) ingår inte.', en: 'Impossible values (e.g. a share above 100%) are not included.' },
  'value-not-integer': { sv: 'Antal som inte är heltal ingår inte.', en: 'Counts that are not whole numbers are not included.' },
  'value-positive-exceeds-n': { sv: 'Rader med fler positiva svar än svarande ingår inte.', en: 'Rows with more positive answers than respondents are not included.' },
  'value-share-mismatch': { sv: 'En angiven andel stämmer inte med antalet positiva svar delat med antalet svarande.', en: 'A given share does not match positive answers divided by respondents.' },
  'period-invalid': { sv: 'Perioder som inte kunde läsas som år eller månad ingår inte.', en: 'Periods that could not be read as a year or month are not included.' },
  'period-not-year': { sv: 'Enkätresultat gäller hela år; rader med en månad ingår inte.', en: 'Survey results are yearly; rows dated by month are not included.' },
  'gender-neither': { sv: 'Några svarande har angett ett annat kön än kvinna eller man, eller inget ("Annat", "Vill ej uppge"); de räknas bara i totalen och visas aldrig som en egen grupp.', en: 'Some respondents gave a gender other than woman or man, or none ("Annat", "Vill ej uppge"); they count in the total only and are never shown as a group of their own.' },
  'gender-neither-row': { sv: 'Rader för ett annat kön än kvinnor, män eller totalt (t.ex. "Annat") lästes inte; totalen för samma resultat omfattar dem.', en: 'Rows for a gender other than women, men or the total (e.g. "Annat") were not read; the total of the same result includes them.' },
  'gender-invalid': { sv: 'Rader med okänt kön ingår inte.', en: 'Rows with an unknown gender are not included.' },
  'area-unknown': { sv: 'Rader med en okänd kommun eller region ingår inte.', en: 'Rows with an unknown municipality or region are not included.' },
  'area-mismatch': { sv: 'Rader där kommunkod och kommunnamn inte stämmer överens ingår inte.', en: 'Rows whose municipality code and name disagree are not included.' },
  'area-code-repaired': { sv: 'Kommunkoder som tappat sin inledande nolla (680) lästes som fyrsiffriga (0680).', en: 'Municipality codes that lost their leading zero (680) were read as four digits (0680).' },
  'answer-unknown': { sv: 'Svar som inte finns på någon känd svarsskala ingår inte.', en: 'Answers on no known answer scale are not included.' },
  'duplicate-conflict': { sv: 'Samma uppgift finns två gånger med olika värden; ingen av raderna ingår.', en: 'The same figure appears twice with different values; neither row is included.' },
  'budget-row-empty': { sv: 'En budgetrad utan belopp följdes av en rad med belopp för samma verksamhet och månad; beloppen lästes, den tomma raden räknades inte.', en: 'A budget row with no amounts was followed by one with amounts for the same line and month; the amounts were read, the empty row was not counted.' },
  'duplicate-conflict-first': { sv: 'En uppgift som finns två gånger med olika värden (t.ex. en rad per kontoslag under samma verksamhet) lämnas utan värde: inget av dem väljs.', en: 'A figure given twice with different values (such as one row per account type under one activity) is left without a value: neither is picked.' },
  'duplicate-row': { sv: 'Rader som upprepas exakt räknades en gång.', en: 'Rows repeated exactly were counted once.' },
  'sign-inferred': { sv: 'Alla belopp har samma tecken; kostnaderna antogs vara skrivna med det tecknet.', en: 'All amounts share one sign; costs were taken to be written with it.' },
  'budget-year-column': { sv: 'En budgetkolumn med årtal lästes som årets budget.', en: 'A budget column named by its year was read as the year\'s budget.' },
  'budget-year-column-differs': { sv: 'En budgetkolumn med årtal gäller ett annat år än siffrorna; avvikelser mot den kan gälla fel års budget.', en: 'A budget column named by its year is of another year than the figures; deviations against it may be against the wrong year\'s budget.' },
  'budget-detail-conflict': { sv: 'En verksamhet hade två olika nettorader i underlaget och lämnades utan siffror.', en: 'A line had two different net rows in the inputs and was left without figures.' },
  'budget-detail-summed': { sv: 'Rader för samma verksamhet och månad med olika kontoklass, ansvar eller projekt lades ihop till verksamhetens rad.', en: 'Rows of one line and month that differ in account class, responsibility or project were added up into the line.' },
  'result-revenue-partial': { sv: 'Underlagets intäktsrader täcker bara en liten del av kostnaderna, så inget resultat mot skatteintäkter och generella statsbidrag räknades fram.', en: 'The revenue lines in the inputs cover only a small part of the costs, so no result against tax revenue and general grants was worked out.' },
  'member-no-budget': { sv: 'En medlem saknar budgetrader i underlaget; organisationens budget gäller de andra medlemmarna och de gemensamma raderna.', en: 'A member has no budget lines in the inputs; the organisation\'s budget covers the other members and the shared lines.' },
  'period-window-covered': { sv: 'En kolumn för flera år (ett medelvärde eller en förändring) lästes inte, eftersom tabellen ger åren var för sig.', en: 'A column over several years (an average or a change) was not read, as the table gives the years one by one.' },
  'forecast-implausible': { sv: 'En prognoskolumn såg ut som prognosens avvikelse från budget, inte som en prognos för helåret, och har inte lästs.', en: 'A forecast column looked like the forecast\'s deviation from budget, not a full-year forecast, and was not read.' },
  'forecast-year-differs': { sv: 'En prognoskolumn gäller ett annat år än underlagets siffror och har inte lästs.', en: 'A forecast column is for another year than the figures and was not read.' },
  'title-area-differs': { sv: 'Filens rubrik nämner en annan kommun än raderna; raderna lästes som deras egen kolumn säger.', en: 'The file\'s title names another municipality than its rows; the rows were read as their own column says.' },
  'title-period-differs': { sv: 'Filens rubrik nämner en annan period än raderna; raderna lästes som deras egen kolumn säger.', en: 'The file\'s title names another period than its rows; the rows were read as their own column says.' },
  'unit-title-differs': { sv: 'Filens rubrik och en kolumnrubrik anger olika beloppsenheter; kolumnrubrikens enhet användes.', en: 'The file\'s title and a column heading name different amount units; the column heading\'s unit was used.' },
  'share-negative-header': { sv: 'En andel i underlaget gäller negativa svar (t.ex. missnöjda); den får ingen status eller rangordning förrän konfigurationen anger om högre eller lägre är bättre.', en: 'A share in the inputs counts negative answers (e.g. dissatisfied); it gets no status or rank until the config says whether higher or lower is better.' },
  'question-negative-wording': { sv: 'En enkätfråga är formulerad för negativa svar (t.ex. besväras av ensamhet, ej nöjda, väntetid); den får ingen status eller rangordning förrän konfigurationen anger om högre eller lägre är bättre.', en: 'A survey question is worded for negative answers (e.g. bothered by loneliness, not satisfied, waiting time); it gets no status or rank until the config says whether higher or lower is better.' },
  'sign-by-area': { sv: 'Kommunerna i en fil skriver kostnader med olika tecken; varje kommuns kostnader lästes så som dess rader skriver dem.', en: 'The municipalities in one file write costs with different signs; each municipality\'s costs were read as its lines write them.' },
  'sign-mixed': { sv: 'Beloppen har blandade tecken; tecknet för kostnader antogs och kan vara fel.', en: 'Amounts have mixed signs; the sign of costs was assumed and may be wrong.' },
  'sign-contradicted': { sv: 'Tecknet för kostnader är angivet, men alla belopp i filen har det andra tecknet; beloppen lästes som angivet.', en: 'The sign of costs is set, but every amount in the file has the other sign; the amounts were read as set.' },
  'sign-majority': { sv: 'Beloppen har blandade tecken; kostnadernas tecken togs från de flesta raderna, och raderna med det andra tecknet lästes som verksamheter med större intäkter än kostnader.', en: 'Amounts have mixed signs; the sign of costs was taken from most lines, and the lines with the other sign were read as activities whose income exceeds their cost.' },
  'unit-from-header': { sv: 'Beloppens enhet togs från en kolumnrubrik.', en: 'The amount unit was taken from a column heading.' },
  'comma-grouped': { sv: 'Tal med kommatecken lästes som tusental (1,234 = 1 234), eftersom filens decimaltecken är punkt.', en: "Numbers with a comma were read as grouped thousands (1,234 = 1234), as the file's decimal mark is a point." },
  'dash-zero': { sv: 'Ensamma streck (-) i underlaget lästes som 0 (SCB:s ”inget finns att redovisa”); betyder de saknade värden blir de talen fel.', en: 'Lone dashes (-) in the source were read as 0 (Statistics Sweden\'s "nothing to report"); if they mean missing values, those figures are wrong.' },
  'unit-header-differs': { sv: 'Beloppsenheten som angavs för filen skiljer sig från den som kolumnrubrikerna anger; beloppen lästes i den angivna.', en: 'The amount unit set for the file differs from the one the column headings name; amounts were read in the one set.' },
  'unit-per-column': { sv: 'Kolumnerna anger olika beloppsenheter; varje kolumn lästes i sin egen enhet.', en: 'The columns name different amount units; each column was read in its own.' },
  'unit-implausible': { sv: 'Beloppen är orimliga i den enhet de lästes i; enheten kan vara fel.', en: 'The amounts are implausible in the unit they were read in; the unit may be wrong.' },
  'unit-from-title': { sv: 'Beloppens enhet togs från filens rubrik.', en: "The amount unit was taken from the file's title." },
  'area-from-title': { sv: 'Kommunen togs från filens rubrik.', en: "The municipality was taken from the file's title." },
  'period-tertial': { sv: 'En period skriven som tertial eller delår (t.ex. "Tertial 2 2025", "Delår 1 2025") lästes som månaden tertialen slutar (april, augusti, december).', en: 'A period written as a tertial or interim report ("Tertial 2 2025", "Delår 1 2025") was read as the month the tertial ends (April, August, December).' },
  'period-from-title': { sv: 'Perioden togs från filens rubrik.', en: "The period was taken from the file's title." },
  'period-from-report': { sv: 'Filen anger ingen period; den lästes som rapportens månad.', en: "The file names no period; it was read as of the report's month." },
  'budget-columns-monthly': { sv: 'En kolumn med ett namn som bara säger "Utfall" eller "Budget" höll månadsbelopp: utfallet sjönk från en månad till nästa eller låg kvar på samma nivå, där en summa hittills i år växer med månaderna, och budgeten var av en månads storlek. Kolumnen lästes som månadsbelopp.', en: 'A column named only "Utfall" or "Budget" held monthly amounts: the outcome fell from one month to the next or stayed level, where a total to date grows with the months, and the budget was the size of one month\'s. The column was read as monthly amounts.' },
  'budget-columns-unsure': { sv: 'En kolumn som enligt sitt namn eller inställningarna är hittills i år (eller helårsbudget) ser ut att hålla månadsbelopp, eller så visar beloppen inte vilket; den lästes som angiven, så siffrorna hittills kan vara fel.', en: 'A column that its name or the config says is year to date (or the full-year budget) looks like monthly amounts, or its amounts do not show which; it was read as stated, so the figures to date may be wrong.' },
  'column-year-to-date': { sv: 'Filen har ingen periodkolumn, så beloppen lästes som hittills i år.', en: 'The file has no period column, so its amounts were read as year to date.' },
  'deviation-opposite': { sv: 'Filens egen avvikelse är skriven med motsatt tecken (utfall minus budget); tillits egen används, där plus betyder bättre än budget.', en: "The file's own deviation is written with the other sign (outcome minus budget); tillit's own is used, where plus means better than budget." },
  'deviation-mismatch': { sv: 'Filens egen avvikelse stämmer inte med den beräknade; den beräknade används.', en: "The file's own deviation differs from the computed one; the computed one is used." },
  'total-row': { sv: 'Summarader räknades inte två gånger.', en: 'Total rows were not counted twice.' },
  'share-fraction': { sv: 'Alla andelar för ett område är högst 1: de ser ut att vara skrivna som bråk (0,875) och inte i procent (87,5); de lästes som procent.', en: 'Every share of an area is at most 1: they look written as fractions (0.875), not per cent (87.5); they were read as per cent.' },
  'share-fraction-among': { sv: 'En andel under 1 ligger bland andelar i procent; den ser ut att vara skriven som bråk (0,875 för 87,5 %) och läses som under 1 %.', en: 'A share under 1 stands among shares in per cent; it looks written as a fraction (0.875 for 87.5 %) and reads as under 1 %.' },
  'share-fraction-count': { sv: 'En andel under 1 motsvarar inget helt antal svarande läst i procent; den ser ut att vara skriven som bråk.', en: 'A share under 1 is no whole number of respondents read as per cent; it looks written as a fraction.' },
  'budget-group-sum': { sv: 'Rader vars belopp är summan av raderna under dem (t.ex. "Vård och omsorg" ovanför sina verksamheter) lästes som summor, inte som egna budgetposter, och räknades inte två gånger.', en: 'Lines whose amounts are the sum of the lines below them (such as "Vård och omsorg" above its activities) were read as sums, not budget lines of their own, and were not counted twice.' },
  'budget-heading': { sv: 'Rader utan belopp (t.ex. rubriken "Vård och omsorg" ovanför sina verksamheter) lästes som rubriker, inte som budgetposter, och ingår inte i summorna.', en: 'Lines with no amounts (such as the heading "Vård och omsorg" above its activities) were read as headings, not budget lines, and are not in the sums.' },
  'budget-statement-sum': { sv: 'Summarader i resultaträkningen (verksamhetens nettokostnader, årets resultat) räknades inte som egna rader.', en: 'Sums of the result statement (net costs, the year\'s result) were not counted as lines of their own.' },
  'budget-part-line': { sv: 'Rader med "varav" räknades inte som egna verksamheter: raden ovanför räknar redan in dem.', en: 'Lines of "varav" (of which) were not counted as activities of their own: the line above already counts them.' },
  'budget-ytd-months-differ': { sv: 'En rads utfall eller budget hittills i år stämmer inte med summan av dess månadsbelopp; rapporten använder beloppet hittills i år.', en: 'A line\'s outcome or budget to date does not match the sum of its monthly amounts; the report uses the amount to date.' },
  'total-mismatch': { sv: 'En summarad stämmer inte med summan av sina rader.', en: 'A total row does not match the sum of its rows.' },
  'status-excluded': { sv: 'Värden som källan markerat som osäkra eller sekretessbelagda ingår inte.', en: 'Values the source marks as uncertain or confidential are not included.' },
  'value-deleted': { sv: 'Värden som källan markerat som borttagna ingår inte.', en: 'Values the source marks as deleted are not included.' },
  'gender-only-skipped': { sv: 'Ett nyckeltal hade bara rader för andra kön än det som lästes (t.ex. bara kvinnor och män, ingen total) och saknas därför helt i rapporten; --gender all läser alla kön.', en: 'An indicator had rows only of genders other than the one read (e.g. women and men, no total) and is therefore missing from the report; --gender all reads every gender.' },
  'gender-filtered': { sv: 'Bara ett kön lästes; de andra hoppades över.', en: 'Only one gender was read; the others were skipped.' },
  'gender-not-applied': { sv: 'Svar och enkätantal läses för alla kön, vilket kön som än begärdes: en rapport för ett kön skulle dölja andra celler och tillsammans med en annan körning kunna avslöja en liten.', en: 'Answers and survey counts are read for every gender, whichever was asked for: a report of one gender would hide other cells and, beside another run, could reveal a small one.' },
  'kind-unknown': { sv: 'Det gick inte att avgöra vilken sorts uppgifter filen har.', en: 'It could not be told what kind of data the file holds.' },
  'json-invalid': { sv: 'Filen är inte giltig JSON.', en: 'The file is not valid JSON.' },
  'area-sum-row': { sv: 'En summarad (Totalt, Samtliga kommuner) i en tabell lästes inte: den är ingen kommun.', en: 'A sum row (Totalt, all municipalities) of a table was not read: it is no area.' },
  'footnote': { sv: 'Fotnoter under tabellen räknades inte som data.', en: 'Footnotes under the table were not counted as data.' },
  'n-zero': { sv: 'Rader utan svarande (antal 0) har inget resultat och redovisas inte.', en: 'Rows with no respondents (n of 0) have no result and are not shown.' },
  'n-missing': { sv: 'Resultat utan antal svarande visas inte: utgivare lämnar antalet tomt för små grupper, och utan det kan gränsen för minsta antal svarande inte prövas.', en: 'Results without a number of respondents are not shown: publishers leave the number blank for small groups, and without it the minimum number of respondents cannot be checked.' },
  'kolada-unit-level': { sv: 'Värden från Kolada per verksamhetsenhet lästes inte; tillit läser värden per kommun, region och riket.', en: 'Kolada values per organisational unit were not read; tillit reads values per municipality, region and the nation.' },
  'kolada-page-missing': { sv: 'Ett sparat svar från Kolada är en av flera sidor och alla sidor finns inte med, så värdena på de saknade sidorna saknas i rapporten.', en: 'A saved Kolada response is one of several pages and not every page is among the inputs, so the values on the missing pages are missing from the report.' },
  'value-missing': { sv: 'Saknade värden är luckor i serien.', en: 'Missing values are gaps in the series.' },
  'unit-assumed': { sv: 'Ingen beloppsenhet angavs, så beloppen lästes som kronor; är de i tkr blir varje belopp 1 000 gånger för litet.', en: 'No amount unit was given, so amounts were read as kronor; if they are in thousands, every amount is 1,000 times too small.' },
  'organisation-disagreement': { sv: 'Organisationens egen siffra i underlaget skiljer sig från medlemmarnas sammanvägda; den ena används (varningen säger vilken), och de sammanvägda siffrorna visas bara när varje medlems siffra visas.', en: 'The organisation\'s own figure in the inputs differs from its members\' figures pooled; one of them is used (the warning says which), and the pooled figures are shown only where every member\'s figure is.' },
  'source-disagreement': { sv: 'Två källor ger olika värden för samma resultat; svar på individnivå går före publicerade värden, annars används den först angivna filen.', en: 'Two sources give different values for the same result; respondent-level answers come before published figures, else the file given first is used.' },
  'allocation-impossible': { sv: 'De gemensamma kostnaderna kunde inte fördelas: fördelningsnyckeln saknar värden.', en: 'The shared costs could not be allocated: the key has no values.' },
  'allocation-usage-year': { sv: 'Nyttjandet (t.ex. antal brukare) saknas för det senaste året för någon medlem; fördelningen efter nyttjande räknades på alla medlemmars nyttjande ett tidigare år (året står vid fördelningen).', en: 'Usage (such as the number of users) is missing for the latest year for a member; the split by usage was counted on every member\'s usage of an earlier year (the year is given with the allocation).' },
  'allocation-population-year': { sv: 'Fördelningsnyckelns befolkning saknas för det år avtalet anger för någon medlem; de gemensamma kostnaderna fördelades efter alla medlemmars befolkning ett annat år (året står vid fördelningen).', en: 'The population of the year the agreement names is missing for a member; the shared costs were split by every member\'s population of another year (the year is given with the allocation).' },
  'allocation-no-common-year': { sv: 'De gemensamma kostnaderna fördelades inte: medlemmarnas befolkning eller nyttjande finns inte för ett gemensamt år.', en: 'The shared costs were not allocated: the members\' population or usage is not given for one common year.' },
  'organisation-member-gap': { sv: 'En medlem saknar enkätresultat för några år eller frågor som de andra medlemmarna har; organisationens sammanvägda resultat (och dess trend) finns bara där alla medlemmar har siffror.', en: 'A member lacks survey results for some years or questions that the other members have; the organisation\'s pooled results (and its trend) exist only where every member has figures.' },
  'service-total-left-out': { sv: 'En rad som är summan av andra verksamheter för samma fråga (t.ex. "Totalt") ingår inte: bredvid verksamheterna skulle den röja en dold verksamhets resultat.', en: 'A row that is the total of other services for the same question (e.g. "Totalt") is not included: beside the services it would give a hidden service\'s result away.' },
  'organisation-pool-overlap': { sv: 'En medlem ingår i en annan medlem (en kommun i en region som också är medlem); i organisationens sammanvägda enkätresultat räknas dess svarande en gång, genom den större medlemmen.', en: 'A member is part of another member (a municipality in a region that is a member too); the organisation\'s pooled survey results count its respondents once, through the larger member.' },
  'budget-ytd-even-pace': { sv: 'Underlaget saknar budget hittills i år för en eller flera rader; den har räknats som helårsbudgeten fördelad jämnt över månaderna, så avvikelsen bygger på det antagandet.', en: 'The data has no budget to date for one or more lines; it was taken as the full-year budget spread evenly over the months, so the deviation rests on that assumption.' },
  'member-no-data': { sv: 'En medlem saknar uppgifter i underlaget; den har ingen egen del, och organisationens sammanvägda enkätresultat kan inte göras.', en: 'A member has no figures in the inputs; it has no section of its own, and the organisation\'s pooled survey results cannot be made.' },
  'rows-limit': { sv: 'Filen har fler rader än gränsen; resten lästes inte.', en: 'The file has more rows than the limit; the rest were not read.' },
  'period-no-survey-data': { sv: 'Underlaget har inga enkätresultat eller nyckeltal för det begärda året; kvalitetsdelen visar bara äldre siffror, med sitt år, om det finns några.', en: 'The inputs have no survey results or indicator values for the requested year; the quality part shows only older figures, with their year, if there are any.' },
  'series-outdated': { sv: 'Ett nyckeltal har inga siffror från de senaste åren (senaste tillgängliga är äldre än vad rapporten visar) och redovisas som saknat; alla år finns kvar i JSON och CSV.', en: 'An indicator has no figures from recent years (the latest available is older than the report shows) and is listed as missing; every year stays in the JSON and CSV.' },
  'period-no-budget-data': { sv: 'Underlaget har inga budgetuppgifter för den begärda perioden, så ekonomidelen saknas.', en: 'The inputs have no budget figures for the requested period, so the budget part is missing.' },
  'period-budget-earlier': { sv: 'Underlaget har inga budgetuppgifter för den begärda månaden; ekonomidelen visar den senaste månaden före den.', en: 'The inputs have no budget figures for the requested month; the budget part shows the latest month before it.' },
  'indicator-direction-unknown': { sv: 'För ett nyckeltal i konfigurationen anges inte om högre eller lägre värden är bättre, så det får ingen status, rangordning eller bedömning mot mål.', en: 'An indicator in the config does not say whether higher or lower values are better, so it gets no status, rank or judgement against a target.' },
  'indicator-undescribed': { sv: 'Ett nyckeltal i underlaget beskrivs inte i konfigurationen och är inte känt av tillit: enheten togs från underlaget, och eftersom det inte är känt om högre eller lägre värden är bättre får det ingen status eller rangordning.', en: 'An indicator in the inputs is neither described in the config nor known to tillit: its unit was taken from the inputs, and as it is not known whether higher or lower values are better, it gets no status or rank.' },
  'n-from-count': { sv: 'Andelar i underlaget har inget eget antal svarande; de fick antalet från ett nyckeltal för antal svarande i samma fil, och andelar med för få svarande döljs.', en: 'Shares in the inputs give no number of respondents of their own; they took it from a count of respondents in the same file, and shares of too few respondents are hidden.' },
  'n-count-missing': { sv: 'Andelar vars antal svarande saknas i filen (tomt, som utgivare gör för små grupper) eller bara ges för hela gruppen (alla kön, alla verksamheter) visas inte: gränsen för minsta antal svarande kan inte prövas för dem.', en: 'Shares whose number of respondents the file leaves out (blank, as publishers do for small groups) or gives only for the whole group (all genders, all services) are not shown: the minimum number of respondents cannot be checked for them.' },
  'milestone-no-levels': { sv: 'En milstolpe i konfigurationen har inga år före och efter sig i underlaget, så nivåerna före och efter kunde inte jämföras.', en: 'A milestone in the config has no years before and after it in the inputs, so the levels before and after could not be compared.' },
  'allocation-shares-fractions': { sv: 'De fasta andelarna är skrivna som bråkdelar (0,2 = 20 %) och lästes så.', en: 'The fixed shares are written as fractions (0.2 = 20 %) and were read as such.' },
  'allocation-equal-fraction': { sv: 'Den del av de gemensamma kostnaderna som delas lika mellan medlemmarna är under 1 %, som om den skrivits som bråkdel (0,3 för 30 %); resten fördelades efter befolkning.', en: 'The part of the shared costs split equally between the members is under 1 %, as if written as a fraction (0.3 for 30 %); the rest was split by population.' },
  'allocation-shares-normalised': { sv: 'De fasta andelarna i fördelningsnyckeln summerar inte till 100 %; varje andel delades med deras summa.', en: 'The fixed shares of the allocation key do not add up to 100%; each share was divided by their sum.' },
  'config-entry-unused': { sv: 'Konfigurationen beskriver ett nyckeltal, en fråga eller en budgetpost som inte finns i underlaget (ofta stavat annorlunda än där), så beskrivningen (titel, riktning, mål eller volym) används inte.', en: 'The config describes an indicator, a question or a budget line that is not in the inputs (often spelled otherwise there), so the description (title, direction, target or volume) is not used.' },
  'peer-group-no-data': { sv: 'En jämförelsegrupp i konfigurationen saknar siffror för året i underlaget och jämförs inte.', en: 'A peer group in the config has no figures for the year in the inputs and is not compared.' },
  'allocation-overlap-negative': { sv: 'En medlems befolkning är mindre än de medlemmars den innehåller, så befolkningsnyckeln kunde inte räknas och de gemensamma kostnaderna fördelades inte.', en: 'A member\'s population is smaller than that of the members it contains, so the population key could not be worked out and the shared costs were not allocated.' },
  ...BESIDE_FINDING_WORDS,
} as const satisfies Record<FindingCode, Sentence>;

/** The words around the findings' sentences. */
const NOTE_WORDS = {
  cases: both((n: number) => ` (${n} fall)`, (n) => ` (${n} cases)`),
  more: both((n: number) => `… och ${n} till (se JSON-rapportens findings eller tillit validate).`, (n) => `… and ${n} more (see the JSON report's findings or tillit validate).`),
};

/** How many lines of findings a brief lists before it says how many more there are. */
const MAX_LINES = 10;

/**
 * The method note's lines on what went wrong or was assumed in the inputs: rows left out (errors)
 * and warnings, one line per kind and file, with how many cases, in plain words. A kind this
 * version has no sentence for (a report read back from JSON) keeps its English message.
 */
export function findingNotes(findings: readonly FindingLike[], lang: Lang): string[] {
  const w = inLang(NOTE_WORDS, lang);
  const groups = [...groupByCode(findings, 'error'), ...groupByCode(findings, 'warning')].flatMap(byFile);
  const lines = groups.map((list) => {
    const f = list[0]!;
    const sentence = (FINDING_WORDS as Record<string, Sentence | undefined>)[f.code]?.[lang] ?? `${f.message}.`;
    const where = f.file.startsWith('(') || f.file.startsWith('-') ? '' : `${f.file}: `;
    const count = list.length > 1 ? w.cases(list.length) : '';
    return `${where}${sentence}${count}`;
  });
  if (lines.length <= MAX_LINES) return lines;
  const more = lines.length - MAX_LINES + 1;
  return [...lines.slice(0, MAX_LINES - 1), w.more(more)];
}

/** One kind's findings split by file, in order of first appearance. */
function byFile<F extends FindingLike>(list: readonly F[]): F[][] {
  const files = new Map<string, F[]>();
  for (const f of list) {
    const l = files.get(f.file);
    if (l) l.push(f);
    else files.set(f.file, [f]);
  }
  return [...files.values()];
}

import { visible } from './text.js';
/**
 * Findings are data: a code, a severity, a location and the arguments; `finding` makes the
 * message from the code's entry in `MESSAGES`, and `formatFinding` the one line shown to users. Errors reject a row (or a file), warnings and infos accompany used data.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  file: string;
  /** 1-based physical line where the record starts; absent for file-level findings. */
  line?: number;
  /** 1-based field number in the record (CSV column); absent when the whole row or file is meant. */
  column?: number;
  /** The offending text, truncated. */
  received?: string;
  message: string;
}

/** How `indicator-undescribed` says where its unit came from (see `UnitEvidence`). */
const UNIT_EVIDENCE: Record<string, (a: Record<string, string | number>) => string> = {
  column: () => 'its values are read as per cent, as their column is a share',
  title: (a) => `its unit is taken as ${a.unit} from its title${a.title === a.id ? '' : ` "${a.title}"`}`,
  none: () => 'its values are plain numbers, as its title names no unit',
};

const MESSAGES = {
  'file-not-found': (a) => `file not found${a.key === undefined ? '' : ` (${a.key} in ${a.config})`}`,
  'file-unreadable': (a) => `cannot read file: ${a.reason}`,
  'file-empty': () => `file is empty`,
  'json-not-kolada': () => 'a JSON file that is no Kolada API response (an object with "values": [...], as api.kolada.se gives): tillit reads Kolada JSON, and other tables as CSV',
  'file-binary': (a) => `file looks binary (NUL byte at byte ${a.offset}); expected a CSV or JSON text file`,
  'file-header-only': () => `file has a header but no data rows`,
  'kolada-page-missing': (a) => `a page of a paged response (${a.url}), and ${a.values} among the inputs: the values of its missing pages are missing from the report (save every page, following next_url until it is null, and name them all)`,
  'kolada-unit-level': () => `a Kolada entry for an organisational unit ("ou"), not an area: tillit reads values per municipality, region and the nation (save Kolada's /data/kpi/<id>/municipality/<code> response instead)`,
  'json-no-values': () => `the Kolada response has no values (its "values" are empty): nothing to read`,
  'file-too-large': (a) => `file is ${a.size} bytes, above the limit of ${a.limit} bytes (--max-bytes)`,
  'encoding-invalid': (a) => `invalid ${a.encoding} byte sequence; use --encoding windows-1252 if the file is Latin-1`,
  'encoding-detected': (a) => `no valid UTF-8; read as ${a.encoding}`,
  'header-unrecognised': (a) =>
    `no value or amount column recognised. Roles found: ${a.found}. Missing: ${a.missing}. Columns: ${a.columns}`,
  'answers-n-repeated': (a) => `column "${a.header}" gives one number on every answer of a question: the question's respondents, not how many gave each answer, so no answer can be counted from it; tillit reads answers one per row, or with a count per answer (Antal), or with each answer's share beside the question's respondents (Andel;Antal svarande), or survey results as a share of positive answers with n (Andel positiva;Antal svarande)`,
  'header-missing-column': (a) => `roles missing: ${a.missing}. Roles found: ${a.found}. Columns: ${a.columns}`,
  'indicator-from-title': (a) => `"${a.title}" is the title of Kolada's KPI ${a.id}: read as ${a.id}`,
  'indicator-from-header': (a) => `column "${a.header}" holds the values of one indicator: ${a.indicator}`,
  'column-as-indicator': (a) => `column "${a.header}" holds one value, "${a.value}": read as the indicator (the file has no indicator column)`,
  'indicator-from-file': (a) => `no indicator column: the values are named "${a.indicator}" after the file's ${a.source} (name them with "indicator" or --input-indicator)`,
  'column-percent': (a) => `column "${a.header}" holds percentages, worked out from the amounts: not read (tillit works them out itself)`,
  'answer-shares': (a) => `column "${a.share}" is read as each answer's share of the question's respondents, and column "${a.n}" as their number on every answer: how many gave each answer is the share of that number, the one whole number the share's rounding allows (a row that allows two or none leaves its cell incomplete)`,
  'answer-counts': (a) => `column "${a.header}" is read as how many respondents gave each row's answer (a published distribution of answers): each row counts that many times, and a row whose count is blank or held back leaves its cell incomplete`,
  'column-weight': (a) => `${a.columns} ${a.count === 1 ? 'holds a weight' : 'hold weights'} per respondent, but tillit counts every respondent once (unweighted): its shares may differ from the publisher's weighted figures; compare them with the published shares, or read those (a file of survey results) instead`,
  'column-unused': (a) => `column "${a.header}" was not recognised and is left unused (map it under "columns" in the config if it holds amounts)`,
  'period-preliminary': (a) => `column "${a.header}" read as ${a.period}: the source marks its figures preliminary`,
  'period-from-header': (a) => `period ${a.period} taken from the year-to-date column "${a.header}" (the file has no period column)`,
  'period-from-columns': (a) => `rows dated ${a.year} read as ${a.period}: column "${a.header}" names the months their amounts cover, so they are that year's follow-up to date, not the closed year`,
  'period-columns-differ': (a) => `period ${a.period} contradicts column "${a.header}", which covers the year up to ${a.to}: the amounts cannot be dated by both, and neither is taken on a guess; correct the period (column, "period" or --input-period) or the column's name; row left out`,
  'period-pooled': (a) => `pooled periods (${a.example}): ordered and trended by their end year; overlapping windows share years, so a trend over them looks steadier than it is`,
  'rows-none-usable': (a) => `no row is usable: ${a.reason}`,
  'kind-no-amounts': (a) => `--kind budget (or "kind": "budget") on a file with no amount column. Roles found: ${a.found}. Missing: ${a.missing}. Columns: ${a.columns}`,
  'header-ambiguous-column': (a) => `columns ${a.columns} both mean ${a.role}; using ${a.used ?? 'the first'}`,
  'csv-syntax': (a) => `CSV syntax error: ${a.reason}`,
  'record-too-long': (a) => `one record runs past ${a.limit} bytes without ending (an unterminated quote, or not a CSV file)`,
  'row-column-count': (a) => `row has ${a.got} fields, header has ${a.expected}`,
  'row-repeated-header': () => `header line repeated inside the data`,
  'row-other-header': () => `another table starts here (a header of its own, or a heading of projects or investments): it and every row after it are not read as this table's rows (save the tables as files of their own)`,
  'row-under-other-header': () => `under another table's header (row-other-header, above): not read as this table's row`,
  'value-beyond-exact': (a) => `${a.role}: a number this large (over 9 007 199 254 740 991) cannot be held exactly; row left out rather than read as a nearby number`,
  'value-number-invalid': (a) => `${a.role}: not a number in this file's format (decimal mark '${a.decimal}'; digits grouped in threes)${a.hint ?? ''}`,
  'value-required': (a) => `${a.role} is empty`,
  'value-out-of-range': (a) => `${a.role} must be ${a.range}`,
  'value-not-integer': (a) => `${a.role} must be a whole number`,
  'value-positive-exceeds-n': (a) => `positive answers (${a.positive}) exceed respondents (${a.n})`,
  'value-share-mismatch': (a) => `share ${a.share} disagrees with positive/n = ${a.computed}`,
  'period-invalid': (a) => `not a period: expected a year (2024), a month (2025-03, mars 2025), a tertial (T1 2025) or pooled years (2015-2018)`,
  'period-grain': (a) => `dated by ${a.grain} in a file dated by ${a.fileGrain} (${a.rows} rows): its figures would move the follow-up month; row left out`,
  'period-not-year': () => `survey results are per year: expected a year (2024) or pooled years (2015-2018), not a month`,
  'gender-invalid': () => `gender must be T/K/M, Totalt/Kvinnor/Män; a respondent of neither or no stated gender is written blank, "Annat" or "Vill ej uppge" (counted in the total only)`,
  'gender-neither': () => `some respondents' gender is neither woman nor man, or not stated ("Annat", "Vill ej uppge", a blank cell): counted in the total only; with the others of unknown gender they are a hidden cell of their own (total = women + men + unknown), never published`,
  'gender-neither-row': (a) => `gender "${a.gender}" is neither the total, women nor men: a figure tillit does not report (the total row of the same cell includes it); row not read`,
  'area-unknown': () => `not a known municipality code or name, region, "Riket" or organisation`,
  'area-mismatch': (a) => `code ${a.code} is ${a.registered}, not ${a.name}`,
  'area-code-repaired': (a) => `municipality code ${a.from} lost its leading zero; read as ${a.to}`,
  'answer-total-short': (a) => `${a.key}: the total's rows count fewer of an answer than women and men together: the cell is not published (ofullständig)`,
  'answer-unknown': (a) => `answer is not on a known scale; in the config, add it to survey.positive (a positive answer), survey.other (a valid answer that is not positive) or survey.excluded (a don't-know or not-applicable answer such as "Ingen erfarenhet", left out of the denominator)`,
  'answer-positive-dropped': (a) =>
    `${a.labels}: positive on the built-in "${a.scale}" scale, here counted as ${a.as === 'excluded' ? 'left out of the denominator' : 'not positive'}${a.reason === 'restated'
      ? `: ${a.list} names ${a.named} of that scale and not ${a.them}, so it replaces that scale's positive answers (name ${a.them} there too to count ${a.count === 1 ? 'it' : 'them'} as positive)`
      : `, as ${a.list} names ${a.count === 1 ? 'it' : 'them'}`}`,
  'answer-repeated': (a) =>
    `the same respondent answers the same question again (same municipality, year, service, question and respondent number) as at ${a.first}; an answer read twice would count twice`,
  'answer-repeated-more': (a) => `${a.count} more answers repeat an earlier answer of the same respondent`,
  'answer-scale-inferred': (a) =>
    `question ${a.question}: numeric answers read as a 1–${a.max} scale, ${a.from}–${a.max} positive, because ${a.evidence} in the inputs; if the scale is longer, list its positive answers under survey.questions`,
  'answer-scale-changed': (a) =>
    `question ${a.question}: its numeric answers changed scale between years, so each run of years is read on its own: ${a.scales}. Shares on two scales are not comparable: the series is broken at ${a.breaks} (no change or trend across it); if the scale did not change, list its positive answers under survey.questions`,
  'answer-scale-unclear': (a) =>
    `question ${a.question}: its numeric answers in ${a.periods} are ${a.values}: ${a.reason === 'apart'
      ? `none is ${a.unused}, so ${a.codes} stands apart above the 1–${a.fits} the others fit`
      : `${a.codes} is one past the top of 1–${a.fits} and none is ${a.unused}`}, as a code for no answer (such as "Vet ej") after a 1–${a.fits} scale would. tillit does not guess whether ${a.codes} is an answer: no share of the question is published. In the config, name a code that is no answer under survey.excluded ([${a.excluded}]), or, if it is an answer, the question's positive answers under survey.questions ({"${a.question}": {"positive": [${a.positive}]}})`,
  'cell-incomplete': (a) => `${a.key}: not published (ofullständig): answers in this cell were rejected, so its share would be wrong`,
  'duplicate-conflict': (a) => `same key as line ${a.first} (${a.key}) with a different value`,
  'duplicate-row': (a) => `repeats line ${a.first} (${a.key}); counted once`,
  'duplicate-conflict-first': (a) => `line ${a.other} gives this key (${a.key}) other figures: neither row's are read`,
  'budget-row-empty': (a) => `no amount, and line ${a.other} gives this line and month its amounts: those are read, this row is not counted`,
  'sign-inferred': (a) => `all budget amounts are ${a.sign}: costs read as written ${a.sign}`,
  'sign-majority': (a) => `budget amounts have mixed signs: ${a.count} of ${a.of} lines are ${a.sign}, so costs are read as written ${a.sign}; ${a.lines === '' ? 'the few amounts of the other sign within them (corrections) are read as written' : `the others (${a.lines}) as lines whose income exceeds their cost`} (set "sign" for this file if that is wrong)`,
  'sign-contradicted': (a) => `the sign is set to costs written ${a.sign}, but every budget amount in the file is ${a.shown}: read as set, so every deviation is the other way round if the setting is wrong (check "sign" or --sign)`,
  'budget-year-column': (a) => `column "${a.header}" read as the full-year budget of ${a.year}`,
  'title-area-differs': (a) => `the title ("${a.title}") names ${a.code}, but the rows are of ${a.areas}: read as their own column says (one of the two is wrong)`,
  'title-period-differs': (a) => `the title ("${a.title}") dates the file ${a.period}, but the rows are of ${a.periods}: read as their own column says (one of the two is wrong)`,
  'unit-title-differs': (a) => `the title ("${a.title}") says ${a.titleUnit}, the header "${a.header}" ${a.unit}: read in ${a.unit}, as the header says (one of the two is wrong)`,
  'budget-detail-summed': (a) => `rows of one area, month and line that differ in ${a.header} are its parts: ${a.rows} row(s) were added to their line's first${Number(a.sums) > 0 ? `, and ${a.sums} row(s) that sum others ("Netto", "Summa …", a blank account, "varav") were not added again (a net the file gives is the figure)` : ''}`,
  'budget-detail-conflict': (a) => `this row gives the line of line ${a.first} a figure another row gives otherwise (two rows alike in every detail column, or two different nets such as "Netto" or a blank account): neither is picked, and the line is left without figures`,
  'result-revenue-partial': (a) => `${a.area}: the revenue lines (${a.lines}) cover ${a.share} % of the other lines' costs, where tax revenue and general grants cover about all of a municipality's: the file holds no whole result statement, so no result against them is worked out`,
  'member-no-budget': (a) => `member ${a.member} has no budget line of its own in the inputs, where other members have: the organisation's lines summed over members leave it out (each names the members it covers); only lines booked on the organisation itself can hold its costs`,
  'period-window-covered': (a) => `column "${a.header}" spans years the table gives one by one: not read (an average or a change over them, read as a period of its own, became the years' next figure in trends and changes)`,
  'forecast-implausible': (a) => `column "${a.header}" is read as the full-year forecast, but on ${a.lines} of ${a.checked} lines it has the other sign than the budget or is under half the outcome already booked: it looks like a forecast's deviation from budget, not a forecast, and is not read (map the forecast itself under "columns"; tillit works the deviation out)`,
  'forecast-year-differs': (a) => `column "${a.header}" is a forecast for ${a.year}, but the file's figures are of ${a.years}: not read (set against this year's budget it would be another year's forecast; map it as "forecast" under "columns" to read it all the same)`,
  'budget-year-column-differs': (a) => `column "${a.header}" is the budget of ${a.year}, but the file's figures are of ${a.other}: read as the full-year budget all the same, so deviations against it may be against another year's budget (map the right column as "budgetYear" under "columns")`,
  'share-negative-header': (a) => `column "${a.header}" names a share of negative answers, where a survey's share is read as better the higher it is: ${a.questions} get no status, rank or better/worse wording until "better" says which way is better (give them "better": "lower" under "indicators" in the config)`,
  'question-negative-wording': (a) => `question "${a.question}" is worded for negative answers, where a survey's share is read as better the higher it is: it gets no status, rank or better/worse wording until "better" says which way is better (give it "better": "lower" under "indicators" in the config, or "higher" if more is better)`,
  'sign-by-area': (a) => `each area writes costs its own way, every line alike: ${a.negative} negative, ${a.positive} positive; each area's costs are read as its lines write them (set "sign" for this file if that is wrong)`,
  'sign-mixed': (a) => `budget amounts have mixed signs; assumed costs written ${a.sign} (set "sign" for this file)`,
  'unit-from-header': (a) => `amount unit ${a.unit} taken from header "${a.header}"`,
  'comma-grouped': (a) => `${a.count} number(s) with a comma read as grouped thousands, as the file's decimal mark is a point ("1,234" is 1234; this is the first); if the comma is a decimal mark there, set "decimal": "," for this file`,
  'dash-zero': (a) => `${a.count} cell(s) holding a lone "-" read as 0, Statistics Sweden's "nothing to report" (this is the first); if "-" means missing here, set "dash": "missing" for this file`,
  'unit-header-differs': (a) => `amounts are read as ${a.unit}, as set for the file, but ${a.columns} name another unit in the header: read as set (check "unit" or --unit)`,
  'unit-per-column': (a) => `amount columns name different units, and each is read in its own: ${a.columns}${a.rest} (check the headers; "unit" in the config sets one for all)`,
  'unit-implausible': (a) => `amounts read as ${a.unit} reach ${a.amount}: ${a.hint} (set "unit" or --unit)`,
  'unit-from-title': (a) => `amount unit ${a.unit} taken from the title "${a.title}"`,
  'area-from-title': (a) => `municipality ${a.code} taken from the title "${a.title}" (the file has no municipality column)`,
  'period-tertial': (a) => `period "${a.text}" read as ${a.period}, the month its tertial ends (April, August, December; a numbered delår counts by tertials): a follow-up of another month needs the month itself (2025-06)`,
  'period-from-title': (a) => `period ${a.period} taken from the title "${a.title}" (the file has no period column)`,
  'period-from-report': (a) => `the file names no period (no period column, none in its title or columns' names): read as of the report's --period ${a.period} (set "period" for this file if it is another month's follow-up)`,
  'budget-columns-monthly': (a) => `column "${a.header}" read as monthly amounts (${a.to}), not as ${a.not} (${a.role}): ${a.why}; if it is ${a.not}, map it under "columns" in the config ({"${a.role}": "${a.header}"})`,
  'budget-columns-unsure': (a) => `column "${a.header}" is read as ${a.not} (${a.role}), as its name or the config says, but ${a.why}: if it holds monthly amounts, every figure to date from it is wrong; map it under "columns" in the config, {"${a.to}": "${a.header}"} if it holds monthly amounts or {"${a.role}": "${a.header}"} if it is ${a.not}`,
  'budget-ytd-months-differ': (a) => `${a.area} ${a.activity}: ${a.measure} to date at ${a.period} is ${a.ytd} in "${a.ytdHeader}", but "${a.monthHeader}" sums to ${a.sum} over ${a.months} (${a.differ} of ${a.compared} month(s) of the year compared differ beyond rounding): the report uses the year-to-date figure ${a.ytd} for the deviation, status and series, as it does in every file with a year-to-date column, and not the monthly amounts; one of the two columns is wrong, check the export`,
  'column-year-to-date': (a) => `"${a.header}" read as ${a.role} (year to date): the file has no period column, so it holds one follow-up, not months`,
  'deviation-opposite': (a) => `the file's own deviation has the other sign (outcome − budget) on ${a.lines} line(s), this the first: tillit's is used (budget − outcome: positive is better than budget)`,
  'deviation-mismatch': (a) => {
    const readings = [a.forYear === '' ? '' : `budget − forecast ${a.forYear}`, a.toDate === '' ? '' : `budget − outcome to date ${a.toDate}`].filter((t) => t !== '');
    return `given deviation ${a.given} is ${readings.length > 1 ? 'neither' : 'not'} ${readings.join(' nor ')}, as the file writes them (tillit uses the amounts, not the given deviation)`;
  },
  'total-row': (a) => `total row recognised; not counted`,
  'share-fraction-among': (a) => `${a.area} ${a.indicator}: a share under 1 beside figures of the same area and indicator over ten times as large: read as per cent it is under 1 %, as none of them is; a fraction (0.875 for 87.5 %) must be written as per cent`,
  'share-fraction-count': (a) => `${a.area} ${a.indicator}: a share under 1 that is no whole number of its respondents read as per cent; a fraction (0.875 for 87.5 %) must be written as per cent`,
  'share-fraction': (a) => `every share of ${a.area} is at most 1: read as per cent, none reaches 1 %. Fractions (0.875 for 87.5 %) must be written as per cent`,
  'budget-group-sum': (a) => `every amount is the sum of lines ${a.lines} beside it, though its text names no sum: read as their group's sum, not a line of its own, which would count them twice`,
  'budget-heading': () => `no amount in any amount column: read as a section heading (or a line left empty), not a budget line; not counted`,
  'budget-statement-sum': () => `a sum of the result statement (resultaträkning: net costs, the year's result): not counted as a line, which would count the lines it sums again`,
  'budget-part-line': () => `a part of the line above it ("varav", "därav"): not counted as a line of its own, which would count it twice`,
  'total-mismatch': (a) => a.whole === undefined
    ? `${a.amount}: total ${a.given} differs from the sum of its rows ${a.computed}`
    : `${a.amount}: total ${a.given} differs from the sum of the ${a.rows} rows of its section (lines ${a.lines}) ${a.computed}, and from the sum of all its rows ${a.whole}`,
  'status-excluded': (a) => `value has status "${a.status}" (uncertain or confidential); excluded`,
  'value-deleted': () => `value is marked deleted (isdeleted); excluded`,
  'gender-not-applied': (a) => `--gender ${a.gender} does not apply to a file with respondent counts (answers, survey counts, values with n, a count of respondents such as "Antal svarande"): its respondents' figures, the counts and the shares beside them, are read for every gender, any other figure of it for the one asked (a report of one gender's respondents would hide other cells, and two runs together could reveal a small one); rows by gender are shown with --genders`,
  'gender-filtered': (a) => `gender ${a.gender} skipped: reading gender ${a.selected} only (--gender all keeps every gender)`,
  'gender-only-skipped': (a) => `indicator ${a.indicator} has rows only for ${a.genders} (${a.rows} row(s), from this line on), none for ${a.selected}, the gender read: it is left out of the report whole; ${a.flags} reads it`,
  'kind-unknown': (a) => `cannot tell what kind of data this is; found columns: ${a.found}`,
  'json-invalid': (a) => `not valid JSON: ${a.reason}`,
  'area-sum-row': () => `a sum row of the table (no area): set aside`,
  'footnote': () => `footnote line under the table; kept out of the data`,
  'n-zero': () => `the figure counts no respondents (its n is 0): there is no share to show, so the row is set aside`,
  'n-missing': (a) => `the ${a.role} has no number of respondents (its n is blank): publishers blank the n of small groups, and without it the respondent minimum cannot be checked, so it is not shown (give its n, or leave the n column out of the file)`,
  'value-missing': () => `value missing (empty, "..", NA): a gap in the series, not an error`,
  'unit-assumed': () => `no amount unit in the config or a header; amounts read as kronor (set "unit")`,
  'source-disagreement': (a) => a.value === undefined
    ? `${a.key}: the figure here differs from the one in ${a.other}, which is used (respondents' answers before a published figure, else the file given first; tillit validate gives both)`
    : `${a.key}: ${a.value} (n ${a.n}) here, ${a.otherValue} (n ${a.otherN}) in ${a.other}; the figure in ${a.other} is used (respondents' answers before a published figure, else the file given first)`,
  'organisation-disagreement': (a) =>
    `${a.key}: the organisation's own figure here differs from its members' figures pooled ${a.figures}; ${a.used} used`,
  'source-disagreement-hidden': (a) =>
    `${a.key}: this file and ${a.other} give different figures; the figure in ${a.other} is used (not shown: the cell is hidden or one of them has too few respondents)`,
  'container-fewer': (a) => `${a.area} counts fewer respondents than the areas in it that the data also give (a region its municipalities, Riket its regions, a kommunalförbund or group its members) in ${a.cells} cell(s), the first ${a.key}: the sources disagree or count different people, so its figures there are held to the stricter rules for figures that do not add up`,
  'container-held-back': (a) => `${a.area}'s figures are hidden in ${a.cells} cell(s) (question × service × period), each because another figure of the cell is hidden: ${a.why}`,
  'gender-unknown-residual': (a) =>
    `${a.cells} cell(s) count respondents with no gender in the total only: they are a hidden cell of their own (total = women + men + unknown), and where they are fewer than ${a.min} a women's or men's figure is hidden too, so total − women − men cannot reveal them`,
  'member-no-data': (a) => `member ${a.member} has no figures in the inputs: no section of its own, ${a.inside === '' ? 'and no pooled survey figures for the organisation (they need every member)' : `and the organisation's survey figures count its respondents through ${a.inside}, which holds it`}`,
  'service-total-left-out': (a) => `${a.services} ${Number(a.count) === 1 ? 'is a total' : 'are totals'} of other services for the same question (by ${Number(a.count) === 1 ? 'its label or its respondents' : 'their labels or respondents'}): left out, as a total beside the services would give a hidden one away; the services are reported`,
  'organisation-pool-overlap': (a) => `${a.organisation}'s survey figures pool member ${a.container} with the members inside it (${a.inside}) counted once: their respondents are already in ${a.container}'s figures, so the organisation's n is ${a.container}'s, not the sum of every member's`,
  'organisation-member-gap': (a) => `${a.member} has no figure with a number of respondents for ${a.indicators} (${a.services}) in ${a.periods}, where other members have one: ${a.organisation}'s survey figures pool every member's, so it has none there (${a.cells} cell(s)), and its series and trends cover only the periods all members give`,
  'allocation-no-common-year': (a) => `shared costs cannot be allocated by ${a.method}: the members have no ${a.what} figures for one common year up to ${a.year} (${a.members}); set them for one year in the config`,
  'allocation-usage-year': (a) => `usage (${a.measure}) is given for ${a.wanted}, but ${a.members} ${a.count === 1 ? 'has' : 'have'} none for it in the config: ${a.what} are counted by every member's ${a.measure} of ${a.used}, the latest year all members have (give ${a.wanted}'s to use it)`,
  'allocation-population-year': (a) => `the population key is of ${a.wanted} (${a.why}), but ${a.members} ${a.count === 1 ? 'has' : 'have'} no population for ${a.wanted} in the config: shared costs are split by every member's population of ${a.used}, ${a.later === 1 ? `the only year up to the report year all members have` : `the latest year before ${a.wanted} all members have`} (give ${a.wanted}'s population to use it)`,
  'allocation-impossible': (a) => `shared costs cannot be allocated by ${a.method}: the key has no values (population, shares or usage) for the members`,
  'budget-conflict': (a) => `${a.key}: different amounts here and at ${a.other}; the month is left without figures until the sources agree`,
  'budget-repeated': (a) => `${a.count} row(s) repeat the same amounts as ${a.other} (the first of them); read once`,
  'budget-forecast-earlier': (a) => `${a.area} ${a.lines}: no forecast at ${a.period}; the latest, of ${a.forecast}, is not shown (nor checked against the pace), as it is of an earlier month: report with --period ${String(a.forecast).split(', ').at(-1)} to see it, or give the forecast every month`,
  'budget-behind': (a) => a.lines === undefined
    ? `${a.area}'s budget figures go up to ${a.period}, the others' to ${a.latest}: its lines are shown at ${a.period}`
    : `${a.area} ${a.lines}: budget figures go up to ${a.period}, the report's budget period is ${a.latest}: ${a.count === 1 ? 'the line is' : 'these lines are'} shown at ${a.period}, ${a.area}'s other lines at their latest month${a.total === '' ? '' : `, and ${a.area}'s total at ${a.total}, the latest month all its lines share (a year-to-date total is of one month)`}`,
  'budget-not-this-year': (a) => `${a.area} has lines with no budget figures in ${a.year} (they go up to ${a.period}): not shown`,
  'outcome-not-booked': (a) => `an outcome of 0 (or the month before's carried forward to date, or none where other areas have one) in every line of an area for a month (${a.areas}): read as not booked yet, not as a month without costs${Number(a.rows) > 0 ? `; ${a.rows} row(s) after an area's last month booked set aside, so its lines end there` : ''}`,
  'budget-outcome-ends': (a) => `the budget files have budget or forecast for ${a.months}, but no outcome yet: the budget section is at ${a.shown}, the latest month with an outcome`,
  'period-budget-unbooked': (a) => `no outcome for ${a.period} yet (the budget files' outcome ends at ${a.shown}; later months have budget or forecast only): the budget section is at ${a.shown}`,
  'budget-no-outcome': (a) => `no outcome in any budget row of ${a.files} up to ${a.shown}: the budget section shows budgets and forecasts only, with no deviation or status`,
  'budget-months-missing': (a) => `${a.area} ${a.activity}: no outcome for ${a.months}, so its outcome to date after ${a.period} cannot be added up: the line has no deviation or status (nothing is filled in)`,
  'budget-ytd-even-pace': (a) => `${a.area} ${a.lines}: no budget to date at ${a.period} (${a.missing === '' ? 'no year-to-date budget column, and no monthly budgets' : `no monthly budget for ${a.missing}`}): ${a.count === 1 ? 'its' : 'their'} budget to date is taken as the full-year budget × ${a.months}/12, as if spent at an even pace, and any deviation from it rests on that; a budget that follows the seasons would give another (give the budget to date, or every month's budget)`,
  'budget-sum-incomplete': (a) => `${a.area} ${a.activity}: ${a.parts} without a budget or an outcome to date at ${a.period}, so the sum has none: no deviation or status`,
  'budget-financing-lines': (a) => `${a.area}: ${a.lines} ${a.count === 1 ? 'is' : 'are'} revenue or financial items, not activities: left out of the activities and their total, and counted in the year's result`,
  'budget-months-differ': (a) => `${a.area} ${a.activity}: its parts do not share their latest month (${a.parts}); ${a.period === '' ? 'no month is common to all, so the sum has no figures' : `summed at ${a.period}, the latest month all share`}`,
  'unit-inferred': (a) => a.ambiguous === undefined
    ? `amounts read as kr would be ${a.measure}, implausible for ${a.what}; read as ${a.unit} (${a.plausible}). Set "unit" if that is wrong`
    : `no amount unit, and both kr and ${a.unit} are plausible for ${a.what} (as kr: ${a.measure}; ${a.plausible}): read as ${a.unit}, as finance systems write amounts without saying. Set "unit" to be sure`,
  'unit-no-plausible': (a) => `amounts read as kr would be ${a.measure}; no unit (kr, tkr, mnkr) gives a plausible amount for ${a.what}: amounts left out (set "unit" to read them anyway)`,
  'rows-limit': (a) => `more than ${a.limit} rows (--max-rows); the rest were not read`,
  'period-no-survey-data': (a) => `no survey results or indicator values for ${a.period} (the inputs have ${a.have}); the report has no quality figures for that year (older ones within survey.window are shown with their year)`,
  'series-outdated': (a) =>
    `${a.indicator}: the latest figures for ${a.areas} are from ${a.latest}, more than ${a.window} year(s) before the report year ${a.year}: listed as missing in tables and briefs (the JSON and CSV keep every year; survey.window in the config sets how old a latest figure may be)`,
  'period-no-budget-data': (a) => `no budget figures for ${a.period} (the budget files have ${a.have}); the report has no budget section`,
  'period-budget-earlier': (a) => `no budget figures for ${a.period} (the budget files have ${a.have}); the budget section is at ${a.shown}, the latest month before it`,
  'indicator-direction-unknown': (a) => `indicator ${a.id} has no "better" in the config and tillit knows none for it: no status, rank or target judgement${a.target} until "better" says which way is better ("higher", "lower" or "none")`,
  'indicator-undescribed': (a) =>
    `indicator "${a.id}" is neither under "indicators" in the config nor one tillit knows: ${UNIT_EVIDENCE[String(a.from)]!(a)}; which way is better is not known, so it gets no status or rank (describe it under "indicators" with "better" and "unit")`,
  'n-from-count': (a) => `${a.shares} give no number of respondents of their own: each takes its n from ${a.count} in the same file, area, period, service and gender, so a share of fewer respondents than survey.minRespondents is hidden, and so are the shares of a gender or service within such a group (give each share's own n in an n column to use it instead)`,
  'n-count-missing': (a) => `${a.shares}: where the count of respondents beside a share is missing (blank, as publishers blank the counts of small groups) or given only for the group it is part of (all genders, all services), the share's respondents cannot be checked against survey.minRespondents: it is not shown (give each share's count)`,
  'milestone-no-levels': (a) => `milestone ${a.period} (${a.label}): no series in the report has a year before it and a year from it on, up to the report's year, so there is no level before and after it`,
  'allocation-shares-fractions': (a) => `the fixed shares are at most 1 and sum to ${a.sum}: read as fractions of the whole (0.2 = 20 %)${a.sum === 1 ? '' : ', each divided by their sum'}; write them as per cent (20) to say so`,
  'allocation-equal-fraction': (a) => `equalPercent ${a.equal} is per cent: ${a.equal} % of the shared costs is split equally and ${a.rest} % by population (written as a fraction, ${a.equal} means ${a.meant} %: write ${a.meant} to split that equally)`,
  'allocation-shares-normalised': (a) => `the fixed shares sum to ${a.sum} %, not 100 %: each share was divided by their sum${a.fractions === undefined ? '' : `; ${a.fractions} beside shares above 1 look like fractions among per cent (0.52 for 52 %?)`}`,
  'member-aliases-unread': (a) => `${a.key}: "aliases" is read for a kommunalförbund only; ${a.kind} ${a.member}'s rows are those that name its code or its name as the register has it, and a cell written as one of its aliases is an unknown area (leave "aliases" out)`,
  'setting-not-json': (a) => `"${a.key}" is for reading a CSV file's text and is not used for this file of Kolada JSON, whose fields are named and whose numbers are JSON's (leave it out)`,
  'setting-unused': (a) => `the config's "${a.key}" for this file ("${a.value}") is not used: the file has a column for it ("${a.header}"), which is read instead (leave "${a.key}" out, or map another column)`,
  'config-entry-unused': (a) => `${a.key}: "${a.id}" is no ${a.kind} in the inputs${a.hint}: ${a.effect}`,
  'peer-group-no-data': (a) => `peer group "${a.group}": none of its members (${a.members}) has figures for ${a.year} in the inputs; it is compared with nothing`,
  'allocation-overlap-negative': (a) => `member ${a.member}'s population (${a.population}) is smaller than that of the members it contains (${a.contained}): "overlap": "remainder" leaves it none; shared costs are not allocated by population`,
  'beside-cost-no-activity': (a) => `${a.area} ${a.service}: no budget line ${a.activity} to set beside its quality (budget.serviceActivity in the config names the line a service is paid from)`,
  'beside-cost-no-forecast': (a) => `${a.area} ${a.activity}: no full-year forecast at ${a.period} (and the year is not closed): no cost per user or hour`,
  'beside-cost-population-year': (a) => `${a.members === a.area ? a.area : `${a.area}: ${a.members}`} ${a.count === 1 ? 'has' : 'have'} no population for ${a.year} (the budget year) in the config: costs per inhabitant are divided by the population of ${a.used}, the latest year up to it${a.members === a.area ? '' : ' all members have'} (give ${a.year}'s population to use it)`,
  'beside-cost-no-headline': (a) => `${a.area} ${a.service}: its headline indicator ${a.indicator} has no figure for ${a.area} from ${a.from} to ${a.to} (other indicators of the service have): the service is left out of quality beside cost for ${a.area}`,
  'beside-cost-no-volume': (a) => `${a.area} ${a.activity}: the members' usage has no "${a.usage}" above 0 for ${a.year} (budget.activityVolume asks for it): no cost per user or hour`,
} as const satisfies Record<string, (a: Record<string, string | number>) => string>;

export type FindingCode = keyof typeof MESSAGES;

/** A finding as the report model carries it (its code any text, as JSON reads it back). */
export type FindingLike = Omit<Finding, 'code'> & { code: string };

export interface FindingInput {
  code: FindingCode;
  severity?: Severity;
  line?: number;
  column?: number;
  received?: string;
  args?: Record<string, string | number>;
  /** Another input line the message names (the first row of a key given twice): see `referredLine`. */
  refers?: number;
}

/** The other input line each finding names, kept beside it (not a published field). */
const REFERRED = new WeakMap<Finding, number>();

/**
 * The other input line a finding's message names, if any: a report leaves the finding's details out
 * when that row is behind a hidden cell, as when its own is. Known on the thread that made the
 * finding (files read in parts by workers are respondent files, whose findings lose every line).
 */
export function referredLine(f: Finding): number | undefined {
  return REFERRED.get(f);
}

const DEFAULT_SEVERITY: Partial<Record<FindingCode, Severity>> = {
  'encoding-detected': 'info',
  'area-code-repaired': 'warning',
  'duplicate-row': 'warning',
  'duplicate-conflict-first': 'info',
  'budget-row-empty': 'info',
  'sign-inferred': 'info',
  'sign-mixed': 'warning',
  'sign-by-area': 'warning',
  'share-negative-header': 'warning',
  'question-negative-wording': 'warning',
  'budget-year-column': 'info',
  'budget-year-column-differs': 'warning',
  'forecast-year-differs': 'warning',
  'forecast-implausible': 'warning',
  'period-window-covered': 'warning',
  'member-no-budget': 'warning',
  'result-revenue-partial': 'warning',
  'budget-detail-summed': 'warning',
  'budget-detail-conflict': 'error',
  'title-area-differs': 'warning',
  'title-period-differs': 'warning',
  'unit-title-differs': 'warning',
  'sign-contradicted': 'warning',
  'sign-majority': 'warning',
  'unit-from-header': 'info',
  'unit-per-column': 'warning',
  'unit-header-differs': 'warning',
  'dash-zero': 'warning',
  'comma-grouped': 'warning',
  'column-year-to-date': 'info',
  'budget-columns-monthly': 'warning',
  'budget-columns-unsure': 'warning',
  'budget-ytd-months-differ': 'warning',
  'indicator-from-header': 'info',
  'indicator-from-title': 'info',
  'indicator-from-file': 'info',
  'column-as-indicator': 'info',
  'column-unused': 'warning',
  'answer-counts': 'info',
  'answer-shares': 'info',
  'column-weight': 'warning',
  'column-percent': 'info',
  'period-from-header': 'info',
  'period-from-columns': 'info',
  'period-preliminary': 'warning',
  'period-pooled': 'info',
  'unit-from-title': 'info',
  'unit-implausible': 'warning',
  'period-from-title': 'info',
  'period-from-report': 'warning',
  'period-tertial': 'warning',
  'area-from-title': 'info',
  'deviation-mismatch': 'warning',
  'total-row': 'info',
  'deviation-opposite': 'info',
  'share-fraction': 'warning',
  'share-fraction-count': 'warning',
  'share-fraction-among': 'warning',
  'budget-part-line': 'info',
  'budget-statement-sum': 'info',
  'budget-group-sum': 'warning',
  'budget-heading': 'info',
  'total-mismatch': 'warning',
  'status-excluded': 'warning',
  'value-deleted': 'warning',
  'gender-filtered': 'info',
  'gender-only-skipped': 'warning',
  'gender-neither': 'warning',
  'gender-neither-row': 'info',
  'gender-not-applied': 'warning',
  'header-ambiguous-column': 'warning',
  'value-share-mismatch': 'warning',
  'rows-limit': 'error',
  'source-disagreement': 'warning',
  'source-disagreement-hidden': 'warning',
  'organisation-disagreement': 'warning',
  'gender-unknown-residual': 'info',
  'container-held-back': 'warning',
  'container-fewer': 'warning',
  'allocation-impossible': 'warning',
  'allocation-no-common-year': 'warning',
  'allocation-population-year': 'warning',
  'allocation-usage-year': 'warning',
  'member-no-data': 'warning',
  'organisation-member-gap': 'warning',
  'organisation-pool-overlap': 'warning',
  'service-total-left-out': 'warning',
  'budget-repeated': 'info',
  'budget-forecast-earlier': 'warning',
  'budget-behind': 'warning',
  'budget-ytd-even-pace': 'warning',
  'budget-not-this-year': 'warning',
  'budget-months-differ': 'warning',
  'budget-financing-lines': 'info',
  'budget-months-missing': 'warning',
  'outcome-not-booked': 'warning',
  'budget-outcome-ends': 'info',
  'period-budget-unbooked': 'warning',
  'budget-no-outcome': 'warning',
  'budget-sum-incomplete': 'warning',
  'unit-inferred': 'warning',
  'value-missing': 'info',
  'kolada-page-missing': 'warning',
  'n-missing': 'warning',
  'n-zero': 'info',
  'answer-scale-inferred': 'warning',
  'answer-positive-dropped': 'warning',
  'answer-scale-changed': 'warning',
  'answer-scale-unclear': 'error',
  'cell-incomplete': 'warning',
  'footnote': 'info',
  'area-sum-row': 'info',
  'unit-assumed': 'warning',
  'period-no-survey-data': 'warning',
  'series-outdated': 'warning',
  'period-no-budget-data': 'warning',
  'period-budget-earlier': 'warning',
  'allocation-shares-normalised': 'warning',
  'allocation-shares-fractions': 'warning',
  'allocation-equal-fraction': 'warning',
  'milestone-no-levels': 'warning',
  'indicator-direction-unknown': 'warning',
  'indicator-undescribed': 'warning',
  'n-from-count': 'warning',
  'n-count-missing': 'warning',
  'allocation-overlap-negative': 'warning',
  'config-entry-unused': 'warning',
  'setting-unused': 'warning',
  'setting-not-json': 'warning',
  'member-aliases-unread': 'warning',
  'peer-group-no-data': 'warning',
  'beside-cost-no-activity': 'warning',
  'beside-cost-no-volume': 'warning',
  'beside-cost-no-headline': 'warning',
  'beside-cost-population-year': 'warning',
  'beside-cost-no-forecast': 'warning',
};

/** Builds a finding with its message; `file` is attached by the one module that reads files. */
export function finding(file: string, input: FindingInput): Finding {
  const args = input.args ?? {};
  const out: Finding = {
    code: input.code,
    severity: input.severity ?? DEFAULT_SEVERITY[input.code] ?? 'error',
    file: visible(file),
    // Arguments quote data (header names, titles): no control character reaches a terminal.
    message: visible(MESSAGES[input.code](args as never)),
  };
  if (input.line !== undefined) out.line = input.line;
  if (input.column !== undefined) out.column = input.column;
  if (input.received !== undefined) out.received = visible(input.received);
  if (input.refers !== undefined) REFERRED.set(out, input.refers);
  return out;
}

/**
 * A finding on an input row behind a hidden cell, or one whose figure a disagreement set aside, as a
 * report publishes it: its code, severity and file, without the line, the text received or figures
 * (any of them could tell the hidden cell's size or share). `tillit validate`, which publishes no figures, still gives them in full.
 */
export function withoutDetail(f: Finding): Finding {
  return { code: f.code, severity: f.severity, file: f.file, message: "on a row whose figures the report does not show (a hidden cell's, or set aside for another file's); the details are left out of the report (tillit validate gives them)" };
}

/** `file:line:col: severity code: message (received "x")` — the one sentence form. */
export function formatFinding(f: FindingLike): string {
  const where = [f.file, f.line, f.column].filter((p) => p !== undefined).join(':');
  const got = f.received !== undefined ? ` (received "${f.received}")` : '';
  return `${where}: ${f.severity} ${f.code}: ${f.message}${got}`;
}

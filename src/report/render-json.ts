import { QualityCell, reportSchema, type Comparison, type QualityRow, type Report } from '../model/report.js';
import { numberText } from './number-text.js';
import type { ReportFormat } from './report-format.js';

const json = JSON.stringify;
/** A number as JSON writes it (a non-finite one as null). */
const num = (v: number | null): string => (v === null || !Number.isFinite(v) ? 'null' : numberText(v));

/**
 * Quality rows as JSON, the bytes `JSON.stringify` gives. A national report has 459 000 of them,
 * series by series: a `QualityCell` (fields in schema order, by construction) is written field by
 * field, its series' first five fields once per series, and its comparisons, rank and sources in
 * their schema's key order with each text's JSON looked up (there are few different ones: areas,
 * periods, files): one `JSON.stringify` call costs ~0.15 µs before it writes a byte, and a row
 * would need six (writing a 2M-answer report's rows takes ~0.25 s this way, ~0.85 s with a
 * `JSON.stringify` per row). Any other row goes to `JSON.stringify`.
 * @internal Exported for its tests; no other module uses it.
 */
export function qualityRowWriter(): (q: QualityRow) => string {
  const pieces = qualityRowPieces('');
  return (q) => {
    const [head, rest] = pieces(q, true);
    return head + rest.slice(0, -1);
  };
}

/**
 * A quality row in two pieces, as `qualityRowWriter` writes it after `indent`: the indent and its
 * series' first fields, one string for every row of the series (the writer copies the bytes of a
 * piece that repeats, see `writeChunks`), and the rest with the line's end (a comma unless `last`).
 * A hidden row's rest is the same text for every hidden row of its period and file: made once.
 */
function qualityRowPieces(indent: string): (q: QualityRow, last: boolean) => readonly [string, string] {
  const texts = new Map<string, string>();
  const text = (s: string): string => {
    let out = texts.get(s);
    if (out === undefined) texts.set(s, (out = json(s)));
    return out;
  };
  const orText = (s: string | null): string => (s === null ? 'null' : text(s));
  const comparison = (c: Comparison | null): string => c === null
    ? 'null'
    : `{"area":${text(c.area)},"value":${num(c.value)},"differencePp":${num(c.differencePp)},"p":${num(c.p)},"significant":${c.significant}}`;
  const change = (c: QualityRow['change']): string => c === null
    ? 'null'
    : `{"from":${text(c.from)},"fromValue":${num(c.fromValue)},"differencePp":${num(c.differencePp)},"p":${num(c.p)},"significant":${c.significant}}`;
  const rank = (r: QualityRow['rank']): string => r === null ? 'null' : `{"position":${num(r.position)},"of":${num(r.of)},"quartile":${orText(r.quartile)}}`;
  const list = <T>(items: readonly T[], write: (item: T) => string): string => {
    let out = '[';
    for (let i = 0; i < items.length; i++) out += i === 0 ? write(items[i]!) : `,${write(items[i]!)}`;
    return `${out}]`;
  };
  const source = (s: QualityRow['sources'][number]): string => `{"file":${text(s.file)}}`;
  const rest = (q: QualityCell, end: string): string => `${text(q.period)},"value":${num(q.value)},"n":${num(q.n)},"low":${num(q.low)},"high":${num(q.high)},"suppressed":${q.suppressed},"incomplete":${q.incomplete}`
    + `,"change":${change(q.change)},"trend":${q.trend === null ? 'null' : json(q.trend)},"reference":${comparison(q.reference)},"organisation":${comparison(q.organisation)}`
    + `,"peers":${list(q.peers, comparison)},"rank":${rank(q.rank)},"status":${orText(q.status)},"statusReasons":${list(q.statusReasons, text)},"sources":${list(q.sources, source)}}${end}`;
  // By file, then period: a hidden row's rest, not last and last, suppressed and incomplete.
  const hiddenRests = new Map<string, Map<string, string[]>>();
  const hiddenRest = (q: QualityCell, last: boolean): string => {
    const file = q.sources[0]!.file;
    const byPeriod = hiddenRests.get(file) ?? hiddenRests.set(file, new Map()).get(file)!;
    const made = byPeriod.get(q.period) ?? byPeriod.set(q.period, []).get(q.period)!;
    const k = (last ? 1 : 0) + (q.incomplete ? 2 : 0) + (q.suppressed ? 4 : 0);
    return (made[k] ??= rest(q, last ? '\n' : ',\n'));
  };
  let series: QualityRow | undefined;
  let head = '';
  return (q, last) => {
    if (!(q instanceof QualityCell)) return [indent, `${json(q)}${last ? '' : ','}\n`];
    if (series === undefined || q.area !== series.area || q.areaKind !== series.areaKind || q.indicator !== series.indicator || q.service !== series.service || q.gender !== series.gender) {
      series = q;
      head = `${indent}{"area":${json(q.area)},"areaKind":${json(q.areaKind)},"indicator":${json(q.indicator)},"service":${json(q.service)},"gender":${json(q.gender)},"period":`;
    }
    return [head, isBareHidden(q) ? hiddenRest(q, last) : rest(q, last ? '\n' : ',\n')];
  };
}

/** A hidden row with nothing beside its place and flags: no figure, comparison, trend or status, one source. */
function isBareHidden(q: QualityCell): boolean {
  return q.value === null && q.n === null && q.low === null && q.high === null && q.change === null && q.trend === null && q.reference === null && q.organisation === null
    && q.peers.length === 0 && q.rank === null && q.status === null && q.statusReasons.length === 0 && q.sources.length === 1;
}

/**
 * The JSON contract as text pieces: the model in schema key order, top-level keys indented, and
 * every element of a row array on one line (one piece each), so a national report streams out in
 * bounded memory and diffs line by line. `quality`, when given, stands for the model's quality
 * rows: rows made as they are written (`analyseLazily`) are never all held at once.
 */
export function* renderJsonChunks(report: Report, quality: Iterable<QualityRow> = report.quality): Generator<string> {
  const entries = inSchemaOrder(report);
  yield '{\n';
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k]!;
    const comma = k < entries.length - 1 ? ',' : '';
    if (key === 'quality') {
      yield* jsonList(key, quality, qualityRowPieces(ROW_INDENT), comma);
    } else if (Array.isArray(value)) {
      yield* jsonList(key, value as unknown[], (item, last) => [ROW_INDENT, `${json(item)}${last ? '' : ','}\n`], comma);
    } else {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
    }
  }
  yield '}\n';
}

const ROW_INDENT = '    ';

/** The contract's keys, in the order the schema lists them. */
const KEY_ORDER = new Map(Object.keys(reportSchema.shape).map((k, i) => [k, i]));

/**
 * The report's fields in schema order (`failOn` last), whatever order the model was put together
 * in: a report with peer groups had them, and the findings after them, behind `failOn`.
 */
function inSchemaOrder(report: Report): [string, unknown][] {
  const at = (k: string) => KEY_ORDER.get(k) ?? KEY_ORDER.size;
  return Object.entries(report).sort(([a], [b]) => at(a) - at(b));
}

/**
 * A top-level list, one element a line (`[]` when empty), looking one element ahead for the commas;
 * `write` gives an element's line in two pieces, the first with its indent, the second with the
 * line's end (a comma unless it is the `last`).
 */
function* jsonList<T>(key: string, items: Iterable<T>, write: (item: T, last: boolean) => readonly [string, string], comma: string): Generator<string> {
  const it = items[Symbol.iterator]();
  let item = it.next();
  if (item.done === true) {
    yield `  ${JSON.stringify(key)}: []${comma}\n`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [\n`;
  for (;;) {
    const next = it.next();
    const [head, rest] = write(item.value, next.done === true);
    yield head;
    yield rest;
    if (next.done === true) break;
    item = next;
  }
  yield `  ]${comma}\n`;
}

/**
 * The JSON contract in one string (small reports; large ones stream with renderJsonChunks).
 * @internal Exported for its tests; no other module uses it.
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

/** JSON, the report contract: streamed row by row; an area's file holds that area's rows. */
export const jsonFormat: ReportFormat<'json'> = {
  name: 'json',
  ext: 'json',
  streams: true,
  charts: 'none',
  render: (report, _opts, quality) => renderJsonChunks(report, quality),
};

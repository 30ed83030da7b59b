import type { AnswerRecord, DataRecord, Gender } from '../model/records.js';
import { gender as genders } from '../model/vocabulary.js';
import type { Area } from '../model/register.js';
import { createRowIndex, KeyNumbers } from '../model/row-index.js';
import { TextIndex } from '../model/text.js';
import { GroupIndex } from './groups.js';
import type { ParsedInput } from './parse-input.js';
import { RespondentSet, type PackedRespondents } from './respondents.js';

/**
 * Where a part of a file may start, near `target`: just after the first line feed at or after it in
 * `window` (bytes of the file from `offset`); undefined when the window has none. Whether that line
 * feed is outside quotes is known only once the part before it has been read (`PartState.between`):
 * a cut inside a quoted cell is found then, and the file is read whole instead.
 */
export function lineStartAfter(window: Uint8Array, offset: number, target: number): number | undefined {
  const lf = window.indexOf(0x0a, Math.max(0, target - offset));
  return lf < 0 ? undefined : offset + lf + 1;
}

/** One part of a split file as read on its own: lines counted from its start. */
export interface PartResult {
  parsed: ParsedInput;
  /** Line breaks in the part. */
  lines: number;
  /** The part's records, when a worker packed them (then `parsed.records` is empty). */
  packed?: PackedAnswers;
  /** A worker's respondents, packed (the first part's are in `parsed.respondents`). */
  respondents?: PackedRespondents;
}

/**
 * A part's answer records as numbers, ten per record, and tables of the texts and areas they
 * name: a worker hands its 150 000 groups (2M answers) back as one transferred buffer instead of
 * structured-cloning an object each, which cost ~0.14 s there and ~0.23 s here.
 */
export interface PackedAnswers {
  areas: Area[];
  texts: string[];
  /** Per record: area, period, indicator, service, gender, positive, other, excluded, file, line, rejected. */
  numbers: Float64Array<ArrayBuffer>;
}

const GENDERS: readonly Gender[] = genders.options;
const WIDTH = 11;

/** Packs answer records; undefined when there is any other kind, or numeric answers not yet scaled (those go as they are). */
export function packAnswers(records: readonly DataRecord[]): PackedAnswers | undefined {
  const areas: Area[] = [];
  const areaIndex = new Map<Area, number>();
  const texts = new TextIndex();
  const text = (t: string): number => texts.id(t);
  const numbers = new Float64Array(records.length * WIDTH);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (r.kind !== 'answers' || r.scores !== undefined) return undefined;
    let area = areaIndex.get(r.area);
    if (area === undefined) areaIndex.set(r.area, (area = areas.push(r.area) - 1));
    const at = i * WIDTH;
    numbers[at] = area;
    numbers[at + 1] = text(r.period);
    numbers[at + 2] = text(r.indicator);
    numbers[at + 3] = text(r.service);
    numbers[at + 4] = GroupIndex.slot(r.gender);
    numbers[at + 5] = r.positive;
    numbers[at + 6] = r.other;
    numbers[at + 7] = r.excluded;
    numbers[at + 8] = text(r.source.file);
    numbers[at + 9] = r.source.line;
    numbers[at + 10] = r.rejected ?? 0;
  }
  return { areas, texts: texts.values, numbers };
}

/**
 * A whole number read back from the packed doubles as V8's small integer where it fits: stored as
 * a double, a count or line number turned every record's and source's field into a boxed double
 * (analysis of 2M answers read on two threads took ~1.35 instead of ~1.05 s). Larger ones stay exact.
 */
const whole = (v: number): number => (v <= 0x7fffffff ? v | 0 : v);

/**
 * The records `packAnswers` packed, in order (records of one area share its area object, as when read on one thread).
 * @internal Exported for its tests; no other module uses it.
 */
export function* unpackAnswers({ areas, texts, numbers }: PackedAnswers): Generator<AnswerRecord> {
  for (let at = 0; at < numbers.length; at += WIDTH) {
    const rejected = whole(numbers[at + 10]!);
    const r: AnswerRecord = {
      kind: 'answers', area: areas[whole(numbers[at]!)]!, period: texts[whole(numbers[at + 1]!)]!, indicator: texts[whole(numbers[at + 2]!)]!,
      service: texts[whole(numbers[at + 3]!)]!, gender: GENDERS[whole(numbers[at + 4]!)]!, positive: whole(numbers[at + 5]!), other: whole(numbers[at + 6]!),
      excluded: whole(numbers[at + 7]!), source: { file: texts[whole(numbers[at + 8]!)]!, line: whole(numbers[at + 9]!) },
    };
    if (rejected > 0) r.rejected = rejected;
    yield r;
  }
}


/**
 * Joins the parts of a respondent-level (answers) file into what a whole-file read gives: lines
 * shifted to the file's own, answer groups added up in order of first appearance, counts summed,
 * findings and rejects in line order. The parts' records are taken over (changed in place).
 */
export function mergeParts(parts: readonly PartResult[]): ParsedInput {
  const first = parts[0]!.parsed;
  // A group's key as three numbers (area, period, question × service × gender), its first record
  // found through the row index: nested maps of texts for 300 000 groups were ~30 MB at the
  // moment reading peaks. A part's records share their area objects: one key text each.
  const areaIds = new Map<object, number>();
  const areaKeys = new TextIndex();
  const periods = new TextIndex();
  const questions = new TextIndex();
  const services = new TextIndex();
  const pairs = new KeyNumbers();
  const groups = createRowIndex();
  const records: AnswerRecord[] = [];
  const counts = { read: 0, used: 0, rejected: 0, ignored: 0 };
  const findings: ParsedInput['findings'] = [];
  const rejects: ParsedInput['rejects'] = [];
  let shift = 0;
  // Each later part's respondents joined into the first part's (a respondent may span a cut).
  const respondents = first.respondents ?? new RespondentSet();
  for (const { parsed, lines, packed, respondents: keys } of parts) {
    if (parsed !== first && parsed.respondents !== undefined) respondents.merge(parsed.respondents);
    if (keys !== undefined) respondents.merge(keys);
    for (const r of packed === undefined ? parsed.records : unpackAnswers(packed)) {
      if (r.kind !== 'answers') throw new Error(`mergeParts: ${r.kind} records cannot be merged`);
      let area = areaIds.get(r.area);
      if (area === undefined) areaIds.set(r.area, (area = areaKeys.id(`${r.area.kind}\u0000${r.area.code}`)));
      const pair = pairs.id(questions.id(r.indicator), services.id(r.service), 0);
      const prior = groups.claim(area, periods.id(r.period), pair * 3 + GroupIndex.slot(r.gender), records.length);
      const g = prior < 0 ? undefined : records[prior]!;
      if (g === undefined) {
        if (shift !== 0) r.source = { file: r.source.file, line: r.source.line + shift };
        records.push(r);
      } else {
        g.positive += r.positive;
        g.other += r.other;
        g.excluded += r.excluded;
        if (r.rejected !== undefined) g.rejected = (g.rejected ?? 0) + r.rejected;
        if (r.scores !== undefined) {
          const into = (g.scores ??= new Array<number>(r.scores.length).fill(0));
          for (let v = 0; v < r.scores.length; v++) into[v]! += r.scores[v]!;
        }
      }
    }
    for (const f of parsed.findings) findings.push(f.line === undefined ? f : { ...f, line: f.line + shift });
    for (const r of parsed.rejects) rejects.push({ ...r, line: r.line + shift });
    counts.read += parsed.counts.read;
    counts.used += parsed.counts.used;
    counts.rejected += parsed.counts.rejected;
    counts.ignored += parsed.counts.ignored;
    shift += lines;
  }
  const out: ParsedInput = {
    ...first,
    counts,
    records,
    // Stable sorts: within a line, the order each part gave.
    findings: findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    rejects: rejects.sort((a, b) => a.line - b.line),
  };
  if (respondents.length > 0) out.respondents = respondents;
  return out;
}

import type { AnswerTable } from '../model/answer-table.js';
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
  /** A worker's respondents, packed (the first part's are in `parsed.respondents`). */
  respondents?: PackedRespondents;
}

/** Findings a file gets once, at its header line, whichever of its parts met what they say. */
const ONCE_PER_FILE: ReadonlySet<string> = new Set(['period-pooled', 'gender-neither', 'period-tertial']);

/**
 * Joins the parts of a respondent-level (answers) file into what a whole-file read gives: lines
 * shifted to the file's own, the parts' answer tables one after another (a group cut by a part
 * boundary is in two: the analysis adds them up), counts summed, findings and rejects in line
 * order. The parts' tables are taken over (their lines changed in place).
 */
export function mergeParts(parts: readonly PartResult[]): ParsedInput {
  const first = parts[0]!.parsed;
  const counts = { read: 0, used: 0, rejected: 0, ignored: 0 };
  const findings: ParsedInput['findings'] = [];
  const rejects: ParsedInput['rejects'] = [];
  const answers: AnswerTable[] = [];
  const positives = new Set<string>();
  let shift = 0;
  // Each later part's respondents joined into the first part's (a respondent may span a cut).
  const respondents = first.respondents ?? new RespondentSet();
  for (const { parsed, lines, respondents: keys } of parts) {
    if (parsed.records.length > 0) throw new Error(`mergeParts: ${parsed.records[0]!.kind} records cannot be merged`);
    if (parsed !== first && parsed.respondents !== undefined) respondents.merge(parsed.respondents);
    if (keys !== undefined) respondents.merge(keys);
    for (const t of parsed.answers ?? []) answers.push(t.shiftLines(shift));
    for (const l of parsed.builtInPositives ?? []) positives.add(l);
    for (const f of parsed.findings) {
      // Said once per file, at its header line (not a part's line): by the first part that met one, as a whole-file read says it.
      if (ONCE_PER_FILE.has(f.code)) {
        if (!findings.some((g) => g.code === f.code)) findings.push(f);
        continue;
      }
      findings.push(f.line === undefined ? f : { ...f, line: f.line + shift });
    }
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
    // Stable sorts: within a line, the order each part gave.
    findings: findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    rejects: rejects.sort((a, b) => a.line - b.line),
  };
  if (answers.length > 0) out.answers = answers;
  if (positives.size > 0) out.builtInPositives = [...positives].sort();
  if (respondents.length > 0) out.respondents = respondents;
  return out;
}

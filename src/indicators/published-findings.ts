import { withoutDetail, type Finding } from '../model/findings.js';
import type { ParsedInput } from '../model/input.js';

/**
 * An input's findings as a report may publish them (in its JSON and on stderr alike; `tillit
 * validate`, which publishes no figures, and `--rejects` give them in full):
 * - a row of a respondent-level file is a person: its line, column and the text it held stay out
 *   (in an export sorted by group, a rejected row's line says where a hidden group's rows lie), and
 *   findings alike are said once (one per rejected answer would count a hidden group's answers);
 * - a rejected row of a survey or values file is a cell the report does not show, and the text it
 *   held is that cell's figure as written (`12*`, `ca 10`): the text stays out, and figures the
 *   message quotes. Suppression treats the missing cell as a hidden rest beside its total, so the
 *   text would give back what the cells hidden to protect it keep. Its line and column stay: a
 *   line of an aggregated file is a cell, not a respondent. Any other finding on that row, or on
 *   a row two figures for one cell set aside (`duplicate-conflict-first`), goes without detail, as
 *   one behind a hidden cell does: a warning quoted the rejected men's "share 83.3 disagrees with
 *   positive/n = 108.3" (a helper's attack);
 * - a row of a published table is a cell: `behindHidden` decides later, in analysis.
 */
export function publishedFindings(input: ParsedInput): Finding[] {
  if (input.kind === 'answers') return onceEach(input.findings.map(personless));
  if (input.kind === 'budget' || input.budget !== undefined) return input.findings;
  const unread = new Set<number>(input.rejects.map((r) => r.line));
  for (const f of input.findings) if (f.code === 'duplicate-conflict-first' && f.line !== undefined) unread.add(f.line);
  return input.findings.map((f) => {
    if (f.severity === 'error') return f.received !== undefined || f.code in WITHOUT_FIGURES ? figureless(f) : f;
    return f.line !== undefined && unread.has(f.line) && f.code !== 'duplicate-conflict-first' ? withoutDetail(f) : f;
  });
}

function personless(f: Finding): Finding {
  if (f.line === undefined && f.received === undefined) return f;
  const out = { ...f };
  delete out.line;
  delete out.column;
  delete out.received;
  out.message += ' (a report names no line of a file of answers: tillit validate gives it)';
  return out;
}

/** Errors whose message quotes the row's figures, worded without them. */
const WITHOUT_FIGURES: Readonly<Record<string, string>> = { 'value-positive-exceeds-n': 'positive answers exceed respondents' };

function figureless(f: Finding): Finding {
  const out = { ...f };
  delete out.received;
  out.message = WITHOUT_FIGURES[f.code] ?? f.message;
  out.message += ' (the text is left out of the report: tillit validate gives it)';
  return out;
}

/** Findings that read the same said once, in their first place. */
function onceEach(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.severity}\u0000${f.code}\u0000${f.message}\u0000${f.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

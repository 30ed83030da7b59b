import type { Report } from '../model/report.js';
import { shownQuality } from './view.js';

export type FailOnRule =
  | { kind: 'status'; value: 'green' | 'yellow' | 'red'; text: string }
  | { kind: 'trend'; value: string; text: string }
  | { kind: 'deviation' | 'forecast'; op: '<' | '<=' | '>' | '>='; value: number; text: string }
  | { kind: 'suppressed' | 'optimistic'; text: string };

const VERDICTS = ['improving', 'worsening', 'increasing', 'decreasing', 'no-clear-trend', 'too-few-points'];
const RULES_HELP = 'status=red|yellow|green, trend=<verdict>, deviation<-2%, forecast<-1%, suppressed, optimistic';

/** Parses `--fail-on` rules; a rule that does not parse gives an error naming the valid forms. */
export function parseFailOn(texts: readonly string[]): { rules: FailOnRule[] } | { error: string } {
  try {
    return { rules: texts.map(parseRule) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function parseRule(text: string): FailOnRule {
  {
    const t = text.trim();
    let m = /^status\s*=\s*(green|yellow|red)$/.exec(t);
    if (m) return { kind: 'status', value: m[1] as 'red', text: t };
    m = /^trend\s*=\s*([a-z-]+)$/.exec(t);
    if (m && VERDICTS.includes(m[1]!)) return { kind: 'trend', value: m[1]!, text: t };
    m = /^(deviation|forecast)\s*(<=|>=|<|>)\s*([+-]?\d+(?:[.,]\d+)?)\s*%?$/.exec(t);
    if (m) return { kind: m[1] as 'deviation', op: m[2] as '<', value: Number(m[3]!.replace(',', '.')), text: t };
    if (t === 'suppressed' || t === 'optimistic') return { kind: t, text: t };
    throw new Error(`--fail-on: cannot read rule "${text}"; valid rules: ${RULES_HELP}`);
  }
}

const compare = (a: number, op: '<' | '<=' | '>' | '>=', b: number) => (op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b);

/**
 * Lines describing every match of the rules: `rule: where (value)`. Quality rules read the rows
 * tables and briefs show (each series' latest, `shownQuality`); budget rules every budget row.
 */
export function evaluateFailOn(report: Report, rules: readonly FailOnRule[]): string[] {
  const latest = shownQuality(report);
  const out: string[] = [];
  const q = (r: (typeof latest)[number]) => `${r.area} ${r.indicator} ${r.service} ${r.gender} ${r.period}`;
  const b = (r: Report['budget'][number]) => `${r.area} ${r.activity} ${r.period}`;
  for (const rule of rules) {
    switch (rule.kind) {
      case 'status':
        for (const r of latest) if (r.status === rule.value) out.push(`${rule.text}: ${q(r)}`);
        for (const r of report.budget) if (r.status === rule.value) out.push(`${rule.text}: ${b(r)} (${r.deviationPct?.toFixed(2)} %)`);
        break;
      case 'trend':
        for (const r of latest) if (r.trend?.verdict === rule.value) out.push(`${rule.text}: ${q(r)}`);
        break;
      case 'deviation':
        for (const r of report.budget) if (r.deviationPct !== null && compare(r.deviationPct, rule.op, rule.value)) out.push(`${rule.text}: ${b(r)} (${r.deviationPct.toFixed(2)} %)`);
        break;
      case 'forecast':
        for (const r of report.budget) if (r.forecastDeviationPct !== null && compare(r.forecastDeviationPct, rule.op, rule.value)) out.push(`${rule.text}: ${b(r)} (${r.forecastDeviationPct.toFixed(2)} %)`);
        break;
      case 'suppressed':
        for (const r of latest) if (r.suppressed) out.push(`${rule.text}: ${q(r)}`);
        break;
      case 'optimistic':
        for (const r of report.budget) if (r.forecastOptimistic) out.push(`${rule.text}: ${b(r)}`);
        break;
    }
  }
  return out;
}

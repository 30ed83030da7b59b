import type { FailOnMatch, Report } from '../model/report.js';
import type { Lang } from '../model/vocabulary.js';
import { formatNumber, formatPct } from './format.js';
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

type QualityLike = Report['quality'][number];
type BudgetLike = Report['budget'][number];

const qualityMatch = (rule: FailOnRule, r: QualityLike): FailOnMatch => ({
  rule: rule.text, section: 'quality', area: r.area, indicator: r.indicator, service: r.service, gender: r.gender, activity: null, period: r.period, valuePct: null,
});
const budgetMatch = (rule: FailOnRule, r: BudgetLike, valuePct: number | null): FailOnMatch => ({
  rule: rule.text, section: 'budget', area: r.area, indicator: null, service: null, gender: null, activity: r.activity, period: r.period, valuePct,
});

/**
 * The areas a rule judges: the organisation and its members where the config names them, else
 * every area but the references (Riket, Kolada groups) the report compares them with. A member's
 * monthly run must not fail on the nation's figure.
 */
function subjectOf(report: Report): (area: string, kind: string | undefined) => boolean {
  const members = new Set(report.organisation.members);
  if (members.size > 0) return (area) => members.has(area) || area === report.organisation.code;
  return (_, kind) => kind !== 'nation' && kind !== 'group';
}

/**
 * Every match of the rules, rule by rule in the order given: the quality rows tables and briefs
 * show (each series' latest within the window, `shownQuality`), budget lines at their month. A budget match carries the percent its rule read
 * (the deviation for `status` and `deviation`, the forecast deviation for `forecast`, the
 * forecast's optimism for `optimistic`).
 */
export function evaluateFailOn(report: Report, rules: readonly FailOnRule[]): FailOnMatch[] {
  const subject = subjectOf(report);
  const latest = shownQuality(report).filter((r) => subject(r.area, r.areaKind));
  const budget = report.budget.filter((r) => subject(r.area, undefined));
  const out: FailOnMatch[] = [];
  // A rule given twice matches once.
  for (const rule of rules.filter((r, k) => rules.findIndex((x) => x.text === r.text) === k)) {
    switch (rule.kind) {
      case 'status':
        for (const r of latest) if (r.status === rule.value) out.push(qualityMatch(rule, r));
        for (const r of budget) if (r.status === rule.value) out.push(budgetMatch(rule, r, r.deviationPct));
        break;
      case 'trend':
        for (const r of latest) if (r.trend?.verdict === rule.value) out.push(qualityMatch(rule, r));
        break;
      case 'deviation':
        for (const r of budget) if (r.deviationPct !== null && compare(r.deviationPct, rule.op, rule.value)) out.push(budgetMatch(rule, r, r.deviationPct));
        break;
      case 'forecast':
        for (const r of budget) if (r.forecastDeviationPct !== null && compare(r.forecastDeviationPct, rule.op, rule.value)) out.push(budgetMatch(rule, r, r.forecastDeviationPct));
        break;
      case 'suppressed':
        for (const r of latest) if (r.suppressed) out.push(qualityMatch(rule, r));
        break;
      case 'optimistic':
        for (const r of budget) if (r.forecastOptimistic) out.push(budgetMatch(rule, r, r.forecastOptimismPct));
        break;
    }
  }
  return out;
}

/**
 * A match as one line of text, `rule: where (value)`: `status=red: 1460 helhetssyn Hemtjänst T 2025`,
 * `deviation<-2%: 1460 Äldreomsorg 2025-10 (-2.35 %)`, one form for every log (stderr). Names from data are as the data wrote them:
 * whoever prints the line makes them safe for where it goes.
 */
export function failOnLine(m: FailOnMatch): string {
  return matchLine(m, (v) => `${formatNumber(v, 2, 'en')} %`);
}

/** A match as the text formats write it (the step summary): the percent in the report's language, `-2,35 %`, `-2.35%`. */
export function failOnText(m: FailOnMatch, lang: Lang): string {
  return matchLine(m, (v) => formatPct(v, lang, 2));
}

function matchLine(m: FailOnMatch, pct: (v: number) => string): string {
  if (m.section === 'quality') return `${m.rule}: ${m.area} ${m.indicator} ${m.service} ${m.gender} ${m.period}`;
  return `${m.rule}: ${m.area} ${m.activity} ${m.period}${m.valuePct === null ? '' : ` (${pct(m.valuePct)})`}`;
}

/**
 * A line as a GitHub Actions error annotation (a workflow command): `%`, CR and LF escaped as
 * GitHub's runner unescapes them (`%25`, `%0D`, `%0A`), so a name from the data can neither end
 * the command nor start another on a line of its own.
 */
export function githubError(title: string, message: string): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  // A property value also escapes `:` and `,`, which end it.
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error title=${property(title)}::${data(message)}`;
}

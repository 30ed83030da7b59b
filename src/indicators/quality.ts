import { finding, withoutDetail, type Finding } from '../model/findings.js';
import type { QualityInput } from '../model/input.js';
import type { QualityRow } from '../model/report.js';
import { periodYear } from '../model/period.js';
import type { AreaKind } from '../model/register.js';
import type { Better } from '../model/vocabulary.js';
import type { ObservationColumns } from './observation-columns.js';
import { observe } from './observe.js';
import { orderSeries } from './order-series.js';
import { outdatedSeries } from './outdated-series.js';
import { QualityRows, type RowFilter } from './quality-rows.js';
import { rankObservations } from './rank-observations.js';
import { directionOf as direction, type Settings } from './settings.js';
import { suppressObservations } from './suppress-observations.js';
import { containersOf, holdsRespondents } from './containers.js';
import { withoutServiceTotals } from './service-totals.js';
import { plainSuppression } from './beside-plain.js';
import { valueFractions, type DataUnit } from './indicator-units.js';
import { organisationGaps, poolOverlaps, type GapFinding } from './organisation-gaps.js';
import { koladaIdOfTitle, koladaTitle } from '../model/kolada-kpis.js';
import { normalizeLabel } from '../model/text.js';

export type { RowFilter } from './quality-rows.js';

/**
 * The quality half of the report: observations (one per area × question × service × gender ×
 * period) as columns, suppressed, ranked and ordered, with the report's rows made from them on
 * demand, series by series. A national file gives 459 000 observations: as objects, with their
 * source lists, cell maps and the rows made from them, they held ~250 MB until the report was
 * written; as columns they are ~52 bytes each, and a JSON report writes each row as it is made.
 */
export interface QualityTable {
  /** The report's survey year: `--period`'s year, else the latest in the data. */
  surveyPeriod: string | null;
  /** Findings made while observations were put together (published figures that disagree, series too old to show). */
  findings: Finding[];
  /** Members lacking cells others have, where the organisation then has no figure: said unless the member has no data at all. */
  organisationGaps: GapFinding[];
  /** Indicators answered in surveys (shares of respondents: higher is better unless told). */
  surveyIndicators: ReadonlySet<string>;
  /** Units of value indicators the config and the catalogue leave open, as the data give them. */
  units: ReadonlyMap<string, DataUnit>;
  /** Every indicator with an observation, and every area (with its kind), in no particular order. */
  indicators: ReadonlySet<string>;
  /** Every year with an observation, in no particular order. */
  years: ReadonlySet<string>;
  areas: ReadonlyMap<string, AreaKind>;
  /** Years where an indicator's series is broken: the config's or the catalogue's, and where its answers changed scale. */
  breaksOf(indicator: string): readonly number[];
  /** Whether an input row (file, line) is a source of a hidden cell: findings on it must not be published as they are. */
  behindHidden(file: string, line: number): boolean;
  /** Whether a file is a source of a hidden cell (see `Suppressed.hasHidden`). */
  hasHidden(file: string): boolean;
  /** The report's rows in report order, made anew on each call; `filter` leaves out series or rows. */
  rows(filter?: RowFilter): Generator<QualityRow>;
}

/**
 * The quality table of a report's inputs: observe (records and answer groups into observations, the organisation
 * pooled) → suppress → rank → order → rows (made on demand). Each series is shown at its latest
 * period up to the report year within `settings.window` years; a series with none that recent is
 * said in a finding.
 */
export function qualityTable(inputs: readonly QualityInput[], settings: Settings): QualityTable {
  const services = withoutServiceTotals(inputs, settings.minRespondents);
  const observed = observe(services.inputs, settings);
  const { obs, surveyIndicators, units } = observed;
  // Survey indicators are shares of positive answers: higher is better unless the config says otherwise.
  // Any other indicator without a known direction gets no rank and no status.
  const directionOf = (indicator: string): Better => direction(settings, indicator, surveyIndicators.has(indicator));
  const suppressed = suppressObservations(observed, settings.minRespondents, containersOf(settings.config), plainSuppression(settings.config));
  const ranks = rankObservations(obs, directionOf);
  const order = orderSeries(obs, settings);
  const years = yearsOf(obs, observed.yearOf);
  const surveyPeriod = settings.period?.slice(0, 4) ?? latest(years);
  const breaksOf = seriesBreaks(inputs, settings);
  const made = new QualityRows(obs, order, ranks, {
    catalogue: settings.catalogue, directionOf, breaksOf, alpha: settings.alpha, holds: holdsRespondents(settings.config), memberIds: observed.memberIds, poolIds: observed.poolIds, orgId: observed.orgId, surveyPeriod, window: settings.window,
  });
  const indicators = new Set<string>();
  const areas = new Map<string, AreaKind>();
  for (let i = 0; i < obs.size; i++) {
    indicators.add(obs.indicatorOf(i));
    areas.set(obs.areaCode(i), obs.kindOf(i));
  }
  return {
    surveyPeriod, organisationGaps: organisationGaps(obs, observed.organisationGaps, settings), findings: [...services.findings, ...observed.countFindings, ...suppressed.findings, ...poolOverlaps(obs, observed.orgId, settings), ...outdatedSeries(obs, order, surveyPeriod, settings.window), ...directionsUnknown(settings, indicators, surveyIndicators), ...unusedEntries(settings, indicators), ...undescribed(settings, indicators, surveyIndicators, units), ...valueFractions(inputs.map((i) => i.records), units, settings.catalogue).map((f) => (suppressed.behindHidden(f.file, f.line!) ? withoutDetail(f) : f))], surveyIndicators, units, indicators, areas, years, breaksOf,
    behindHidden: suppressed.behindHidden, hasHidden: suppressed.hasHidden, rows: (filter) => made.rows(filter),
  };
}

/**
 * An indicator's series breaks: the config's (or tillit's catalogue's) definition changes, and the
 * years where a survey question's answers start a new scale (`scaleBreaks`, found while reading).
 */
function seriesBreaks(inputs: readonly QualityInput[], settings: Settings): (indicator: string) => readonly number[] {
  const found = new Map<string, Set<number>>();
  for (const input of inputs) {
    for (const [question, years] of Object.entries(input.scaleBreaks ?? {})) {
      const set = found.get(question) ?? found.set(question, new Set()).get(question)!;
      for (const y of years) set.add(y);
    }
  }
  return (indicator) => {
    const declared = settings.catalogue.get(indicator)?.breaks ?? [];
    const scale = found.get(indicator);
    return scale === undefined ? declared : [...new Set([...declared, ...scale])].sort((a, b) => a - b);
  };
}

/** The years with a figure: a year whose records give none (every answer "Vet ej") is not among them. */
function yearsOf(obs: ObservationColumns, yearOf: readonly string[]): Set<string> {
  const years = new Set<string>();
  for (let i = 0; i < obs.size; i++) years.add(yearOf[obs.periodId(i)] ?? String(periodYear(obs.periodOf(i))));
  return years;
}

function latest(years: Iterable<string>): string | null {
  let out: string | null = null;
  for (const y of years) if (out === null || y > out) out = y;
  return out;
}

/**
 * An indicator the config names, with figures in the data, whose better direction neither the
 * config states (`"none"` stated is an answer) nor tillit's catalogue knows: it gets no status, rank or target judgement, which the
 * config's entry (a target, say) may have been meant to give. Said, not guessed.
 */
function directionsUnknown(settings: Settings, inData: ReadonlySet<string>, surveyIndicators: ReadonlySet<string>): Finding[] {
  return settings.config.indicators
    .filter((e) => e.better === undefined && inData.has(e.id) && !surveyIndicators.has(e.id) && (settings.catalogue.get(e.id)?.better ?? 'none') === 'none')
    .map((e) => finding('(config)', { code: 'indicator-direction-unknown', args: { id: e.id, target: e.target === undefined ? '' : ` (its target ${e.target} included)` } }));
}

/**
 * A config entry under "indicators", or a `survey.questions` key, that names no indicator or
 * question in the inputs: its title, direction and target (or positive answers) apply to nothing.
 * A spelling unlike the data's ("Helhetssyn" for "helhetssyn", "u21468" for "U21468", a Kolada
 * KPI's title for its id) dropped a target without a word; the data's spelling is named where one
 * is the same indicator. Said only when the inputs have quality figures at all.
 */
function unusedEntries(settings: Settings, inData: ReadonlySet<string>): Finding[] {
  if (inData.size === 0) return [];
  // Made only for an entry that names nothing: a national file has thousands of indicators.
  let labels: Map<string, string> | undefined;
  const byLabel = () => {
    if (labels !== undefined) return labels;
    labels = new Map<string, string>();
    for (const id of [...inData].sort()) {
      labels.set(normalizeLabel(id), id);
      const title = koladaTitle(id);
      if (title !== undefined) labels.set(normalizeLabel(title), id);
    }
    return labels;
  };
  const spelled = (text: string): string | undefined => {
    const kpi = koladaIdOfTitle(text);
    const title = koladaTitle(text);
    return byLabel().get(normalizeLabel(text)) ?? (kpi === undefined ? undefined : byLabel().get(normalizeLabel(kpi))) ?? (title === undefined ? undefined : byLabel().get(normalizeLabel(title)));
  };
  const hint = (text: string) => {
    const as = spelled(text);
    return as === undefined ? '' : ` (the inputs have it as "${as}")`;
  };
  const out: Finding[] = [];
  settings.config.indicators.forEach((e, i) => {
    if (inData.has(e.id)) return;
    out.push(finding('(config)', { code: 'config-entry-unused', args: { key: `indicators[${i}].id`, id: e.id, kind: 'indicator', hint: hint(e.id), effect: 'its title, direction and target apply to nothing' } }));
  });
  // survey.questions is matched as answers are, case and accents aside (`ingest/answers.ts`).
  const keys = Object.keys(settings.config.survey.questions);
  const questions = keys.length === 0 ? new Set<string>() : new Set([...inData].map(normalizeLabel));
  for (const question of keys) {
    if (questions.has(normalizeLabel(question))) continue;
    out.push(finding('(config)', { code: 'config-entry-unused', args: { key: 'survey.questions', id: question, kind: 'question', hint: hint(question), effect: 'its positive answers apply to nothing' } }));
  }
  return out;
}

/**
 * An indicator with figures that neither the config's "indicators" nor tillit's catalogue
 * describes (not a survey question, whose share of positive answers is higher-better per cent): its
 * unit is what the data suggest and which way is better is unknown, so it gets no status or rank.
 * Said once per indicator, with the evidence for the unit.
 */
function undescribed(settings: Settings, inData: ReadonlySet<string>, surveyIndicators: ReadonlySet<string>, units: ReadonlyMap<string, DataUnit>): Finding[] {
  const out: Finding[] = [];
  for (const id of [...inData].sort()) {
    const unit = units.get(id);
    if (surveyIndicators.has(id) || settings.catalogue.get(id) !== undefined || unit === undefined) continue;
    out.push(finding(unit.file, { code: 'indicator-undescribed', args: { id, unit: unit.unit, from: unit.from, title: unit.title } }));
  }
  return out;
}

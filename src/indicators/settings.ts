import type { Better } from '../model/vocabulary.js';
import type { Config, Member } from '../config/schema.js';
import { indicatorCatalogue } from '../model/kolada-kpis.js';
import { contains } from '../model/membership.js';
import type { IndicatorSpec } from '../model/indicator.js';
import type { AreaKind } from '../model/register.js';
import { normalizeLabel } from '../model/text.js';

export interface AnalyseOptions {
  /** `YYYY` or `YYYY-MM`; default the latest period in the data. */
  period?: string;
  /** Keep only these municipality codes (plus references and the organisation). */
  municipalities?: string[];
  generatedAt?: string;
}

/** Report order of area kinds (members come before all of them). */
const KIND_ORDER: Record<AreaKind, number> = { municipality: 0, organisation: 1, region: 2, group: 3, nation: 4, federation: 5 };

/**
 * What the analysis reads of the config and the command's options, unpacked once: every stage
 * takes this one value (the budget rows still take the config as it is, `config`).
 */
export interface Settings {
  readonly config: Config;
  /** The config's indicators first, then what tillit knows of Kolada's KPIs. */
  readonly catalogue: { get(id: string): IndicatorSpec | undefined };
  readonly organisation: Config['organisation'];
  readonly members: readonly Member[];
  readonly memberCodes: readonly string[];
  /**
   * The members the organisation's survey figures pool: those no other member contains (Region
   * Skåne's figures count Helsingborg's respondents already: added again, they would count twice).
   */
  readonly poolCodes: readonly string[];
  /** Significance level of comparisons and trends. */
  readonly alpha: number;
  /** Fewest respondents a published cell may have. */
  readonly minRespondents: number;
  /** Years before the report year a series' latest figures may be from and still be shown. */
  readonly window: number;
  readonly budget: Config['budget'];
  readonly thresholds: { yellowBelow: number; redBelow: number };
  /** Activity names that are revenue lines, normalised. */
  readonly revenueNames: readonly string[];
  readonly allocation: Config['allocation'];
  /** The indicator set beside cost: the config's first, else the survey's headline question. */
  readonly headline: string;
  /** `--period`: `YYYY` or `YYYY-MM`. */
  readonly period: string | undefined;
  /** `--municipality`: the codes shown, when narrowed. */
  readonly municipalities: readonly string[] | undefined;
  readonly generatedAt: string | null;
  /** Report order of areas: members in the config's order, then by kind. */
  areaOrder(code: string, kind: AreaKind): number;
  /** Report order of indicators: the config's first, in its order. */
  indicatorOrder(id: string): number;
  /** Whether an area is shown: `--municipality` narrows municipalities, regions and kommunalförbund only. */
  keepArea(code: string, kind: AreaKind): boolean;
  /**
   * Survey questions worded for negative answers whose direction nothing gives (`negativeShares`):
   * read as "higher is better", as other questions are, their red and green would be turned around.
   */
  readonly directionless: ReadonlySet<string>;
}

/**
 * Which way an indicator is better: the config's or the catalogue's; else a survey question's share
 * is better higher, unless it is worded for negative answers (then none: no status or rank until
 * "better" says); any other indicator none.
 */
export function directionOf(settings: Settings, id: string, survey: boolean): Better {
  return settings.catalogue.get(id)?.better ?? (survey && !settings.directionless.has(id) ? 'higher' : 'none');
}

/** The one `Settings` of a report, from the config and the command's options. */
export function settingsOf(config: Config, opts: AnalyseOptions = {}): Settings {
  const memberCodes = config.members.map((m) => m.code);
  const catalogueIndex = new Map(config.indicators.map((s, i) => [s.id, i]));
  const municipalities = opts.municipalities;
  return {
    config,
    catalogue: indicatorCatalogue(config.indicators),
    organisation: config.organisation,
    members: config.members,
    memberCodes,
    poolCodes: config.members.filter((m) => !config.members.some((o) => contains(o, m.code))).map((m) => m.code),
    alpha: config.survey.alpha,
    minRespondents: config.survey.minRespondents,
    window: config.survey.window,
    budget: config.budget,
    thresholds: { yellowBelow: config.budget.yellowBelow, redBelow: config.budget.redBelow },
    revenueNames: config.budget.revenueActivities.map(normalizeLabel),
    allocation: config.allocation,
    headline: config.indicators[0]?.id ?? 'helhetssyn',
    period: opts.period,
    municipalities,
    generatedAt: opts.generatedAt ?? null,
    indicatorOrder: (id) => catalogueIndex.get(id) ?? Number.MAX_SAFE_INTEGER,
    areaOrder: (code, kind) => {
      const m = memberCodes.indexOf(code);
      return m >= 0 ? m : memberCodes.length + KIND_ORDER[kind] * 10_000;
    },
    keepArea: (code, kind) => (kind !== 'municipality' && kind !== 'region' && kind !== 'federation') || municipalities === undefined || municipalities.includes(code),
    directionless: new Set(),
  };
}

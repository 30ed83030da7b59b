import { pooledRange } from '../model/period.js';
import type { Gender } from '../model/records.js';
import { NATION_CODE, resolveArea, type Area, type AreaResolution } from '../model/register.js';
import { detach, normalizeLabel, visibleLabel } from '../model/text.js';
import { federationNamed } from '../model/membership.js';
import { surveyFigureTitle } from '../model/kolada-kpis.js';
import { DEFAULT_POSITIVE, type Classified } from './answers.js';
import { isTertialCell, parsePeriod } from './period.js';
import type { RecordOptions } from './record-options.js';

/**
 * Caches a function of one cell's text. A national file repeats the same few hundred municipality,
 * period, gender and answer texts millions of times; each is worked out once per file.
 */
export function memo<T>(fn: (text: string) => T): (text: string) => T {
  // Each entry keeps its own copy of the text: kept texts are detached from the block they were
  // cut from (see `detach`), and so is the last text remembered below.
  const cache = new Map<string, { text: string; value: T }>();
  // Rows come in runs (a respondent's twelve answers share area, year, service and gender): the
  // last text is compared before the map is asked (which hashes the text anew each row).
  let last: { text: string; value: T } | undefined;
  return (text) => {
    if (last !== undefined && text === last.text) return last.value;
    let entry = cache.get(text);
    if (entry === undefined) {
      const v = fn(text);
      entry = { text: detach(text), value: typeof v === 'string' ? (detach(v) as T) : v };
      if (cache.size < 100_000) cache.set(entry.text, entry);
    }
    last = entry;
    return entry.value;
  };
}

const GENDERS: Record<string, Gender> = {
  t: 'T', totalt: 'T', total: 'T', alla: 'T', 'bada konen': 'T', 'samtliga': 'T', all: 'T', both: 'T', 'both sexes': 'T',
  k: 'K', kvinnor: 'K', kvinna: 'K', women: 'K', female: 'K', f: 'K', w: 'K',
  m: 'M', man: 'M', 'man ': 'M', men: 'M', male: 'M', 'maen': 'M',
};

/**
 * Genders a respondent may give that are neither woman nor man, or none stated: such a respondent's
 * gender is unknown, as a blank one is (see `CellLookups.respondentGender`).
 */
const NEITHER: ReadonlySet<string> = new Set([
  'annat', 'annat kon', 'vill ej uppge', 'vill inte uppge', 'annat vill ej uppge', 'annat/vill ej uppge', 'ej angivet', 'ej angiven',
  'uppgift saknas', 'okant', 'okant kon', 'ovrigt', 'icke binar', 'other', 'unknown', 'not stated', 'prefer not to say',
].map(normalizeLabel));

const NATION: AreaResolution = { ok: true, area: { code: NATION_CODE, kind: 'nation' } };

/** An area as the quick paths take it, with the key its answer groups are found by. */
export interface Place {
  area: Area;
  key: string;
}

/** The key answer groups and respondents are found by for an area. */
export const areaKey = (area: Area): string => `${area.kind}\u0000${area.code}`;

/**
 * What one file's cell texts mean (area, period, gender, answer class…), each worked out once per
 * distinct text (see `memo`), and the kept copy of a label. Also notes the first pooled period
 * (`2004-2007`) a row names: the report says once that it trends such a range on its end year.
 */
export class CellLookups {
  /** The first pooled period read, if any. */
  pooled: string | undefined;
  /** A kept text, one copy per distinct text, shown as it may be shown anywhere (see `visibleLabel`). */
  readonly kept = memo((text) => visibleLabel(text));
  readonly gender = memo((text): Gender | undefined => GENDERS[normalizeLabel(text)]);
  /** Whether a respondent gave a gender that is neither woman nor man (`Annat`, `Vill ej uppge`). */
  sawNeither = false;
  /** Whether a respondent's gender cell was blank (said as `sawNeither` is, where the file has a gender column). */
  sawBlank = false;
  /**
   * A respondent's gender: blank, or neither woman nor man (`Annat`, `Vill ej uppge`), is unknown,
   * counted in the total only: with the others of unknown gender a hidden cell of its own (total =
   * women + men + unknown), never published. Rejecting the answer instead left the total incomplete.
   */
  readonly respondentGender = memo((text): Gender | undefined => {
    if (text === '') {
      this.sawBlank = true;
      return 'T';
    }
    const g = this.gender(text);
    if (g !== undefined || !this.isNeither(text)) return g;
    this.sawNeither = true;
    return 'T';
  });
  /** Whether a gender label is one of neither woman nor man, or of none stated (see `NEITHER`). */
  isNeither(text: string): boolean {
    return NEITHER.has(normalizeLabel(text));
  }
  readonly activityKey = memo(normalizeLabel);
  /** Whether an indicator is a survey's figure (see `surveyFigureTitle`), once per text. */
  readonly surveyFigure = memo(surveyFigureTitle);
  readonly isOrganisation: (text: string) => boolean;
  readonly area: (text: string) => AreaResolution;
  /** The first period cell read as a tertial follow-up, and the month it was read as (said once per file). */
  tertial: { text: string; period: string } | undefined;
  readonly period = memo((text: string) => {
    const p = parsePeriod(text);
    if (this.tertial === undefined && p !== undefined && isTertialCell(text)) this.tertial = { text: detach(text.trim()), period: p };
    // Longer than a year: a month (`2025-03`) or pooled years, `2019/20` as long as a month.
    if (this.pooled === undefined && p !== undefined && p.length > 4 && pooledRange(p) !== undefined) this.pooled = p;
    return p;
  });
  /** An area a quick path may take as it is: the organisation, or a registered area not repaired. */
  readonly place: (text: string) => Place | undefined;
  readonly orgArea: Area;
  private readonly byQuestion = new Map<string, (answer: string) => Classified>();
  /**
   * The built-in positive labels among the answers classified (normalised): a config that counts
   * one of them otherwise is said only where the data holds it. Noted once per question and label.
   */
  readonly builtInPositives = new Set<string>();

  constructor(private readonly opts: RecordOptions, zeroIsNation: boolean, pooled: string | undefined) {
    this.pooled = pooled;
    const org = opts.organisation;
    // A name that is an area's ("Bengtsfors", the name of a one-member organisation without one of
    // its own; "Bengtsfors kommun") heads the reports but means that area in a cell: read as the
    // organisation's, the member's own rows became the shared costs. The config refuses such a code or alias.
    const aliases = new Set([org.code, ...(resolveArea(org.name).ok ? [] : [org.name]), ...org.aliases].map(normalizeLabel));
    this.isOrganisation = memo((text) => aliases.has(normalizeLabel(text)));
    // Kolada's dumps write Riket `0` among four-digit codes.
    const resolve = federationAware(opts.federations);
    this.area = memo(zeroIsNation ? (text: string) => (/^\s*0{1,2}\s*$/.test(text) ? NATION : resolve(text)) : resolve);
    this.orgArea = { code: org.code, kind: 'organisation' };
    this.place = memo((text): Place | undefined => {
      const area = this.isOrganisation(text) ? this.orgArea : plainArea(this.area(text));
      return area === undefined ? undefined : { area, key: areaKey(area) };
    });
  }

  /** The class of an answer to a question (see `answerClassifier`). */
  classify(question: string, answer: string): Classified {
    let f = this.byQuestion.get(question);
    if (f === undefined) {
      const q = detach(question);
      this.byQuestion.set(q, (f = memo((a) => {
        const key = normalizeLabel(a);
        if (BUILT_IN_POSITIVE.has(key)) this.builtInPositives.add(key);
        return this.opts.classify(q, a);
      })));
    }
    return f(answer);
  }
}

const BUILT_IN_POSITIVE: ReadonlySet<string> = new Set(DEFAULT_POSITIVE.map(normalizeLabel));

function plainArea(r: AreaResolution): Area | undefined {
  return r.ok && r.repairedFrom === undefined ? r.area : undefined;
}

/** `resolveArea`, and a kommunalförbund member by its id or one of its names where the register knows nothing. */
function federationAware(federations: RecordOptions['federations']): (text: string) => AreaResolution {
  if (federations === undefined || federations.length === 0) return resolveArea;
  const named = federationNamed(federations);
  return (text) => {
    const res = resolveArea(text);
    if (res.ok || res.reason !== 'unknown') return res;
    const code = named(text);
    return code === undefined ? res : { ok: true, area: { code, kind: 'federation' } };
  };
}

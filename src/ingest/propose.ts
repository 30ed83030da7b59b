import type { ConfigProposal, ProposedInput } from '../config/proposal.js';
import type { IndicatorSpec } from '../config/schema.js';
import type { Finding } from '../model/findings.js';
import { KOLADA_KPIS, koladaKpi, unitFromTitle, unitInTitle } from '../model/kolada-kpis.js';
import { overlaps, registerKind } from '../model/membership.js';
import { areaName, type Area } from '../model/register.js';
import { namesNegativeAnswers } from '../model/negative-wording.js';
import { INDICATOR, PERIOD } from '../model/answer-table.js';
import type { ParsedInput } from './parse-input.js';

/** More municipalities than this in the data is a national or regional file, not one organisation. */
export const MAX_PROPOSED_MEMBERS = 12;

/**
 * What `tillit init` proposes for a set of files read with the defaults: their members, an
 * organisation (named by the one text a file gives where a municipality was expected), each input
 * with what was detected, and the indicators found. Pure: `path` gives an input's path as the config
 * will hold it (relative to the config's folder).
 */
export function proposeConfig(
  inputs: readonly ParsedInput[],
  path: (file: string) => string,
  known?: ConfigProposal['organisation'],
): ConfigProposal {
  // The organisation's own files (budget lines, its respondents' answers) name its members, regions
  // too; areas only in other files (Kolada's values, published shares) are what it is compared with.
  // Only such files that name some area: one that could not be read names no member, and taken as
  // the organisation's own it made every municipality of the other files a comparison (no member).
  const own = inputs.filter((i) => isOwnFile(i) && areasOf([i]).length > 0);
  const candidates = own.length > 0
    ? areasOf(own).filter((a) => a.kind === 'municipality' || a.kind === 'region' || a.kind === 'federation').sort((a, b) => MEMBER_ORDER.indexOf(a.kind) - MEMBER_ORDER.indexOf(b.kind))
    : areasOf(inputs).filter((a) => a.kind === 'municipality');
  const tooMany = candidates.length > MAX_PROPOSED_MEMBERS;
  const members = tooMany ? [] : candidates.map((a) => ({ code: a.code, name: areaName(a), notes: [] }));
  const memberCodes = new Set(members.map((m) => m.code));
  const compared = own.length > 0 && !tooMany
    ? areasOf(inputs).filter((a) => a.kind === 'municipality' && !memberCodes.has(a.code)).map((a) => a.code)
    : [];
  const ownFiles = (files: readonly ParsedInput[]) => `${files.map((i) => path(i.file)).join(', ')} ${files.length === 1 ? 'names' : 'name'}`;
  // Members taken from published figures are a guess the user is told to check: they may be a comparison group.
  const unnamed = inputs.filter(isOwnFile);
  const membersNote = tooMany ? `CHECK: ${candidates.length} ${own.length > 0 ? 'areas in the organisation\'s own files' : 'municipalities in the data (a national or regional file?)'}: list your organisation's members here.`
    : own.length === 0 && members.length > 0 ? `CHECK: members taken from files of published figures, as ${unnamed.length > 0 ? `the organisation's own files name none (${ownFiles(unnamed)} no municipality: no column for one, or not readable as they are)` : 'no budget file or file of answers names them'}: keep your organisation's own, and move the others to "peers".`
    : undefined;
  const inside = overlaps(members.map((m) => ({ code: m.code, kind: registerKind(m.code) ?? 'kommunalförbund' })));
  // A second pass over files read with the first proposal keeps the organisation found in the first.
  const organisation = known ?? organisationOf(inputs, members.map((m) => m.name));
  return {
    notes: [
      `tillit config, proposed by \`tillit init\` from ${inputs.length} file(s). Lines marked CHECK need a look.`,
      'Run the report with: tillit report   (validate the inputs with: tillit validate)',
    ],
    organisation,
    members,
    ...(membersNote === undefined ? {} : { membersNote }),
    ...(compared.length > 0 ? { peers: { name: COMPARED_GROUP, codes: compared, note: `CHECK: municipalities only in files other than the organisation's own (${ownFiles(own)} the members): a comparison group here, not members. Move one to "members" if it is one.` } } : {}),
    ...(inside.length > 0 ? { overlap: `CHECK: ${inside.map((o) => `${areaNameOf(o.container)} contains ${o.contained.map(areaNameOf).join(', ')}`).join('; ')}: a population key counts the rest of it ("remainder"), or each member's population as written ("as-given").` } : {}),
    inputs: inputs.map((i) => proposeInput(i, path(i.file), organisation.aliases)),
    indicators: indicatorsOf(inputs),
  };
}

const areaNameOf = (code: string): string => areaName({ code, kind: registerKind(code) ?? 'federation' });

/** Members as a config lists them: municipalities, then regions, then kommunalförbund. */
const MEMBER_ORDER: readonly Area['kind'][] = ['municipality', 'region', 'federation'];

/** The peer group `tillit init` puts the municipalities it found only in comparison files in. */
export const COMPARED_GROUP = 'Jämförelsekommuner';

/** A budget or follow-up file, or the organisation's respondents' answers: the organisation's own. */
const isOwnFile = (i: ParsedInput): boolean => i.kind === 'budget' || i.kind === 'answers';

/**
 * Budget rows, by area name, that a config with these members leaves out of the organisation's
 * figures: rows of areas that are neither a member nor the organisation itself.
 */
export function rowsOutsideMembers(inputs: readonly ParsedInput[], memberCodes: readonly string[]): Map<string, number> {
  const members = new Set(memberCodes);
  const out = new Map<string, number>();
  for (const i of inputs) {
    if (!i.budget) continue;
    for (let row = 0; row < i.budget.length; row++) {
      const a = i.budget.areas[i.budget.area[row]!]!;
      if (a.kind === 'organisation' || ((a.kind === 'municipality' || a.kind === 'region' || a.kind === 'federation') && members.has(a.code))) continue;
      const name = areaName(a);
      out.set(name, (out.get(name) ?? 0) + 1);
    }
  }
  return out;
}

/** Every distinct area in the records and budget tables, sorted by code. */
function areasOf(inputs: readonly ParsedInput[]): Area[] {
  const seen = new Map<string, Area>();
  const add = (a: Area): void => {
    const key = `${a.kind}:${a.code}`;
    if (!seen.has(key)) seen.set(key, a);
  };
  for (const i of inputs) {
    for (const r of i.records) add(r.area);
    for (const t of i.answers ?? []) t.areas.forEach(add);
    if (i.budget) for (let row = 0; row < i.budget.length; row++) add(i.budget.areas[i.budget.area[row]!]!);
  }
  return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * A file whose rows all name one unknown area (e.g. "Gemensam socialförvaltning") is the shared
 * organisation's own file: that text becomes the organisation's name and alias.
 */
function organisationOf(inputs: readonly ParsedInput[], memberNames: string[]): ConfigProposal['organisation'] {
  const aliases = [...new Set(inputs.map(soleUnknownArea).filter((t): t is string => t !== undefined))];
  const name = aliases[0] ?? (memberNames.length > 0 ? memberNames.join('–') : 'Min organisation');
  const notes = aliases.length > 0
    ? [`Rows naming ${aliases.map((a) => `"${a}"`).join(', ')} are the organisation's own (shared costs). CHECK the name.`]
    : ['CHECK: the organisation\'s name as reports should show it; "aliases" lists texts in files that mean it.'];
  return { name, code: 'ORG', aliases, notes };
}

function soleUnknownArea(input: ParsedInput): string | undefined {
  const texts = new Set(input.findings.filter((f) => f.code === 'area-unknown').map((f) => f.received));
  if (texts.size !== 1) return undefined;
  const [text] = texts;
  const unknown = input.findings.filter((f) => f.code === 'area-unknown').length;
  return text !== undefined && unknown === input.counts.rejected ? text : undefined;
}

const countBy = (findings: readonly Finding[], severity: Finding['severity']): Map<string, number> => {
  const m = new Map<string, number>();
  for (const f of findings) if (f.severity === severity) m.set(f.code, (m.get(f.code) ?? 0) + 1);
  return m;
};

/** An input entry: what was detected, made explicit where it was inferred, and what to check. */
export function proposeInput(input: ParsedInput, path: string, organisationAliases: readonly string[] = []): ProposedInput {
  const notes = [describeInput(input)];
  const spec: ProposedInput['spec'] = { path };
  const organisationsOwn = organisationAliases.includes(soleUnknownArea(input) ?? '\u0000');
  if (organisationsOwn) {
    notes.push('The organisation\'s own rows: read once "aliases" above names them.');
    return { spec, notes, organisationsOwn };
  }
  if (input.counts.used === 0) {
    const reason = input.findings.find((f) => f.severity === 'error')?.message ?? 'no usable rows';
    return { spec, notes, disabled: `not readable as it is (${reason})` };
  }
  if (input.encoding === 'windows-1252') spec.encoding = 'windows-1252';
  const codes = new Set(input.findings.map((f) => f.code));
  if (input.kind === 'budget') {
    if (codes.has('unit-inferred') && input.unit) {
      spec.unit = input.unit as NonNullable<typeof spec.unit>;
      notes.push(`CHECK: the file states no amount unit; amounts as kronor would be implausible, so they are read as ${input.unit} (made explicit here).`);
    } else if (codes.has('unit-no-plausible')) notes.push('CHECK: no amount unit makes these amounts plausible; set "unit" to read them anyway.');
    else if (codes.has('unit-assumed')) notes.push('CHECK: the file states no amount unit, so amounts are read as kronor; set "unit": "tkr" or "mnkr" if they are thousands or millions.');
    else if (input.unit) spec.unit = input.unit as NonNullable<typeof spec.unit>;
    if (codes.has('sign-inferred') && input.sign) {
      spec.sign = input.sign;
      notes.push(`All amounts share one sign: costs are written ${input.sign === 'costs-negative' ? 'negative' : 'positive'} (made explicit here).`);
    }
  }
  const errors = countBy(input.findings.filter((f) => !(organisationsOwn && f.code === 'area-unknown')), 'error');
  if (errors.size > 0) {
    const counted = input.kind !== 'answers';
    notes.push(`CHECK: ${counted ? `${input.counts.rejected} row(s)` : 'rows'} rejected (${[...errors].map(([c, n]) => (counted ? `${c} ×${n}` : c)).join(', ')}); see tillit validate.`);
  }
  return { spec, notes };
}

function describeInput(input: ParsedInput): string {
  const periods = periodsOf(input);
  const span = periods.length === 0 ? '' : `, ${periods[0]}${periods.length > 1 ? `–${periods.at(-1)}` : ''}`;
  return `${input.kind ?? 'unknown kind'} (${input.format ?? 'unread'}): ${rowsUsed(input)}${span}`;
}

/**
 * How many rows were used, for a config that is kept beside published reports: a file of answers
 * gets no count, as its report gets none (its rows are answers: a count less a shown group's n
 * bounds a hidden one's); `tillit validate` counts them.
 */
export function rowsUsed(input: Pick<ParsedInput, 'kind' | 'counts'>): string {
  if (input.kind === 'answers') return 'rows not counted here (tillit validate counts them)';
  return `${input.counts.used} of ${input.counts.read} rows used`;
}

function periodsOf(input: ParsedInput): string[] {
  const set = new Set<string>(input.records.map((r) => r.period));
  for (const t of input.answers ?? []) for (let g = 0; g < t.length; g++) set.add(t.text(g, PERIOD));
  if (input.budget) for (const m of input.budget.months) set.add(m);
  return [...set].sort();
}

/** A title needs both languages: where no English one is known, the Swedish stands in and is said to. */
const NO_ENGLISH = 'CHECK: no English title is known: "en" repeats the Swedish one (shown in reports with --lang en); write one.';

/**
 * A survey question as a share, better higher; one worded for negative answers (`Besväras av
 * ensamhet`) is written without "better" and marked: a report then reads it as higher and warns
 * (`question-negative-wording`) until the analyst says which way is better, where "higher" written
 * here would silence that warning.
 */
function surveyQuestion(id: string, title: string): ConfigProposal['indicators'][number] {
  const notes = title === id ? [`CHECK: "${id}" is the file's name for it; give the title readers know.`] : [];
  if (namesNegativeAnswers(id) || namesNegativeAnswers(title)) {
    notes.push(`CHECK: "${title}" is worded for negative answers: is a lower share better? Set "better": "lower" if so, "higher" if not (until then reports read it as higher and warn).`);
    return { spec: { id, title: { sv: title, en: title }, unit: '%' }, notes: [...notes, NO_ENGLISH] };
  }
  return { spec: { id, title: { sv: title, en: title }, better: 'higher', unit: '%' }, notes: [...notes, NO_ENGLISH] };
}

/** The indicators in the records: survey ones as shares (higher is better), others as known or unknown. */
function indicatorsOf(inputs: readonly ParsedInput[]): ConfigProposal['indicators'] {
  const known = new Map(KOLADA_KPIS.map((k) => [k.id, k]));
  const found = new Map<string, { title: string; survey: boolean }>();
  for (const i of inputs) {
    for (const r of i.records) {
      if (found.has(r.indicator)) continue;
      const title = 'title' in r && r.title ? r.title : r.indicator;
      found.set(r.indicator, { title, survey: r.kind !== 'values' });
    }
    for (const t of i.answers ?? []) for (let g = 0; g < t.length; g++) if (!found.has(t.text(g, INDICATOR))) found.set(t.text(g, INDICATOR), { title: t.text(g, INDICATOR), survey: true });
  }
  // Each service's headline among the known KPIs found: the first in tillit's list, marked so the
  // config says which heads it (the config's own order would otherwise decide, and follows the file's).
  const heads = new Map<string, string>();
  for (const k of KOLADA_KPIS) if (k.service !== undefined && found.has(k.id) && !heads.has(k.service)) heads.set(k.service, k.id);
  return [...found].map(([id, f]) => {
    const k = known.get(id) ?? koladaKpi(id);
    if (k) {
      const service = k.service === undefined ? {} : { service: k.service, ...(heads.get(k.service) === id ? { headline: true } : {}) };
      const notes = ['Kolada KPI known to tillit.'];
      if (k.title.en === k.title.sv) notes.push(NO_ENGLISH);
      if (k.better === 'none') notes.push(`CHECK: is a higher or a lower "${k.title.sv}" better? Set "better" to get a status.`);
      return { spec: { id, title: k.title, better: k.better, unit: k.unit, ...(k.target !== undefined ? { target: k.target } : {}), ...service }, notes };
    }
    if (f.survey) return surveyQuestion(id, f.title);
    // The unit its title ends in, as the report finds it without a config.
    const suffix = unitFromTitle(f.title);
    // Else any unit the title names (`…, kronor per invånare efter region och år`), as the report reads it.
    const unit = suffix === 'number' ? unitInTitle(f.title) : suffix;
    const spec: Omit<IndicatorSpec, 'breaks'> = { id, title: { sv: f.title, en: f.title }, better: 'none', unit };
    return { spec, notes: [`CHECK: is a higher or a lower "${f.title}" better? Set "better" to get a status${unit === 'number' ? ', and the "unit"' : ''}.`, NO_ENGLISH] };
  });
}

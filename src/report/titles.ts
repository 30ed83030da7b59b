import type { Lang } from '../model/vocabulary.js';
import { koladaKpi } from '../model/kolada-kpis.js';
import { both } from './phrasebook.js';

/**
 * Names a reader knows for the Kolada KPIs tillit knows by id (model/kolada-kpis.ts): Kolada's
 * titles are written for a database, with the unit and the survey in them.
 */
const KNOWN_NAMES: Record<string, { sv: string; en: string }> = {
  U21468: both('Helhetssyn, hemtjänst', 'Overall satisfaction, home care'),
  U23471: both('Helhetssyn, särskilt boende', 'Overall satisfaction, special housing'),
  U23592: both('Antal svarande, brukarbedömning', 'Respondents, user assessment'),
  U23593: both('Svarsfrekvens, brukarbedömning', 'Response rate, user assessment'),
  U23401: both('Väntetid till särskilt boende', 'Waiting time for special housing'),
  N03001: both('Resultat, andel av skatteintäkter och statsbidrag', 'Result, share of tax revenue and grants'),
  N00097: both('Nettokostnadsavvikelse totalt (exkl. LSS)', 'Net cost deviation, total (excl. LSS)'),
  N20900: both('Nettokostnadsavvikelse äldreomsorg', 'Net cost deviation, elderly care'),
  N20029: both('Nettokostnadsavvikelse äldreomsorg', 'Net cost deviation, elderly care'),
};

/** The longest title a table or brief shows whole; a longer one ends at a word, with "…". */
export const TITLE_MAX = 60;

/**
 * An indicator's name as a reader knows it: the known name of a Kolada KPI titled as Kolada titles it
 * (a config's own title is kept), else its title
 * without what the value column already says (a trailing unit such as ", andel (%)", ", kr/inv",
 * ", medelvärde"; a PX-Web table's " efter region och år"; Kolada's "(-2017)"), the elderly-care
 * survey's "Brukarbedömning hemtjänst äldreomsorg - trygghet" as "Trygghet, hemtjänst", and at
 * most `max` characters, ended at a word, never inside one.
 * @example readerTitle('X1', 'Nettokostnad äldreomsorg, kronor per invånare efter region och år', 'sv') // 'Nettokostnad äldreomsorg'
 */
export function readerTitle(id: string, title: string, lang: Lang, max = TITLE_MAX): string {
  // A title the config gave is the committee's own name for it and is kept.
  const known = KNOWN_NAMES[id.toUpperCase()];
  const kolada = koladaKpi(id)?.title;
  if (known && (title === kolada?.sv || title === kolada?.en)) return known[lang];
  let t = title.replace(/\s+/g, ' ').trim();
  const survey = /^Brukarbedömning (.+?) äldreomsorg ?- ?(.+?)(, andel \(%\))?$/i.exec(t);
  if (survey) t = `${survey[2]!.charAt(0).toUpperCase()}${survey[2]!.slice(1)}, ${survey[1]!.toLowerCase()}`;
  for (let before = ''; before !== t; ) {
    before = t;
    t = t
      .replace(/ \((-\d{4}|\d{4}-)\)$/, '')
      .replace(/ efter (region|kommun|län)( och [a-zåäö]+)*$/i, '')
      .replace(/,? \(%\)$/, '')
      .replace(/, (andel|antal|medelvärde|median|kr\/inv|kronor per invånare|mnkr|tkr|kr|dagar|procent)$/i, '')
      .trim();
  }
  return wordCut(t || title, max);
}

/**
 * Text of at most `max` characters, cut at the last space that fits and ended with "…"; a first
 * word longer than `max` is kept whole (a word is never cut).
 * @example wordCut('Väntetid i antal dagar från ansökningsdatum', 20) // 'Väntetid i antal…'
 */
export function wordCut(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const head = [...text].slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  if (space <= 0) return text.split(' ')[0]!.concat(text.includes(' ') ? '…' : '');
  return `${head.slice(0, space).replace(/[\s,;:–-]+$/, '')}…`;
}

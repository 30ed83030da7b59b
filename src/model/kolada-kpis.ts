import type { IndicatorSpec } from '../config/schema.js';

/**
 * Kolada KPIs tillit knows without a config: titles (Kolada's own, Swedish) and which direction is
 * better. A config's `indicators` entry with the same id wins. Series breaks are declared where
 * Kolada documents a definition change (net cost deviation method 2019; home-care recipients 2021).
 */
export const KOLADA_KPIS: readonly IndicatorSpec[] = [
  { id: 'U21468', title: { sv: 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)', en: 'User assessment, home care for the elderly – overall, share (%)' }, better: 'higher', unit: '%', breaks: [] },
  { id: 'U23471', title: { sv: 'Brukarbedömning särskilt boende äldreomsorg -  helhetssyn, andel (%)', en: 'User assessment, special housing for the elderly – overall, share (%)' }, better: 'higher', unit: '%', breaks: [] },
  { id: 'U23592', title: { sv: 'Brukarbedömning, antal svarande', en: 'User assessment, respondents' }, better: 'none', unit: 'count', breaks: [] },
  { id: 'U23593', title: { sv: 'Brukarbedömning, svarsfrekvens (%)', en: 'User assessment, response rate (%)' }, better: 'higher', unit: '%', breaks: [] },
  { id: 'U23401', title: { sv: 'Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum till särskilt boende, medelvärde', en: 'Waiting days to special housing, mean' }, better: 'lower', unit: 'days', breaks: [] },
  { id: 'N03001', title: { sv: 'Resultat före extraordinära poster, andel av skatteintäkter och generella statsbidrag (%)', en: 'Result before extraordinary items, % of tax revenue and general grants' }, better: 'higher', unit: '%', target: 2, breaks: [] },
  { id: 'N00097', title: { sv: 'Nettokostnadsavvikelse totalt (exkl. LSS), (%)', en: 'Net cost deviation total (excl. LSS), %' }, better: 'none', unit: '%', breaks: [2019] },
  { id: 'N20900', title: { sv: 'Nettokostnadsavvikelse äldreomsorg, (%)', en: 'Net cost deviation, elderly care, %' }, better: 'none', unit: '%', breaks: [2019] },
  { id: 'N20029', title: { sv: 'Nettokostnadsavvikelse äldreomsorg, mnkr', en: 'Net cost deviation, elderly care, MSEK' }, better: 'none', unit: 'kr', breaks: [2019] },
];

import { normalizeLabel } from './text.js';

/**
 * Words by which a survey's text (a share column's header, a question) counts negative answers or
 * something bad to have, as `normalizeLabel` writes them (lower case, no accents): a share of them is
 * better the lower it is, where tillit reads a survey's share as better the higher it is.
 */
const TERMS = [
  // Negative answers: `Andel missnöjda`, `Andel ej nöjda med maten`.
  'missnojda?', 'negativa?', 'otrygga?', '(?:ej|inte) nojda?', 'dissatisfied', 'unsatisfied', 'negative',
  // Something bad to have: `Besväras av ensamhet`, `Besväras du av ensamhet?`, `svåra besvär av oro`.
  // Without accents "besväras" is also "besvaras" (is answered): only before "av", as troubles are.
  'besvar(?:as|ad|ade)?(?: \\w+)? av', 'ensam(?:ma)?', 'oro', 'oroliga?', 'angslan', 'angest', 'lonely', 'loneliness', 'anxiety',
  // A wait: `Väntetid för att få plats`, `andel som väntat mer än 3 mån`.
  'vantetid(?:en|er|erna)?', 'vantat (?:mer|langre)', 'waiting time',
];

// A term up to two words after a negation is the positive answer (`Andel som inte besväras av
// ensamhet`, `Trygg och utan oro`, `Andel ej missnöjda`, `inte känner sig otrygga`).
const NEGATION = '\\b(?:ej|inte|utan|aldrig|not|without|never)(?: \\w+){0,2} ';
const NEGATIVE = new RegExp(`(?<!${NEGATION})\\b(?:${TERMS.join('|')})\\b`);

/**
 * A question that asks for the content or safe answer is read as that share whatever else it names
 * (`Hur nöjd eller missnöjd är du`, `Nöjd med väntetiden`, `Känner du dig trygg när du är ensam`,
 * `Kan du få hjälp om du känner dig orolig`): a helper found each of these flagged.
 */
const POSITIVE = new RegExp(`(?<!${NEGATION})\\b(?:nojda?|trygga?|hjalp|fortroende|satisfied)\\b`);

/** A wait said to be reasonable (`Rimlig väntetid till vårdcentral`) is a share of content answers. */
const REASONABLE = /\b(?:rimlig|rimliga|rimligt|acceptabel|acceptabla|acceptabelt|reasonable)\b/;

/**
 * Whether a survey's text names negative answers, so that a higher share of it is worse: a share
 * column's header or a question (`Besväras av ensamhet`, `Andel ej nöjda`, `Väntetid`), never a
 * positive one (`Nöjd med maten`, `Känner sig trygg`, `Helhetssyn`, `Får hjälp i tid`).
 * @example namesNegativeAnswers('Besväras du av ensamhet?') // true
 * @example namesNegativeAnswers('Andel som inte besväras av ensamhet') // false
 */
export function namesNegativeAnswers(text: string): boolean {
  // "Besvaras" written without its accent is "is answered" (`Mina frågor besvaras av personalen`)
  // unless a trouble follows (`Besvaras ofta av ensamhet`, a file written without accents).
  const t = /besvär/iu.test(text) ? normalizeLabel(text) : normalizeLabel(text).replace(/\bbesvar\w*(?: \w+)? av (?!ensamhet|oro|angest|angslan|smarta|trotthet|nedstamdhet|somn)/g, '');
  return NEGATIVE.test(t) && !REASONABLE.test(t) && !POSITIVE.test(t);
}

import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/parse.js';

const config = (over: Record<string, unknown>) => JSON.stringify({ organisation: { name: 'X', code: 'BM' }, members: [{ code: '1460' }, { code: '1461' }], ...over });
const error = (text: string) => {
  try {
    parseConfig(text, 'c.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  return undefined;
};

describe('config that cannot be right is a config error with its key path', () => {
  it('an indicator given twice, and a red mark above the yellow one', () => {
    const ind = (better: string) => ({ id: 'helhetssyn', title: { sv: 'x', en: 'x' }, better });
    expect(error(config({ indicators: [ind('higher'), ind('lower')] }))).toBe('c.json: indicators[1].id: indicator helhetssyn is given twice (also indicators[0]); give it once');
    expect(error(config({ budget: { yellowBelow: 0, redBelow: 5 } }))).toBe('c.json: budget.redBelow: red below 5 % is above yellow below 0 %: red must be the lower mark (e.g. yellowBelow 0, redBelow -2)');
  });
  it('an indicator title left empty in one language', () => {
    // With "en": "" every English report named the indicator with nothing.
    expect(error(config({ indicators: [{ id: 'helhetssyn', title: { sv: 'Helhetssyn', en: ' ' } }] }))).toBe("c.json: indicators[0].title.en: an empty title: rows of this indicator would have no name in reports in this language; write one (the other language's may stand in)");
  });
  it('a member or organisation name left empty', () => {
    // "" headed the member's brief "(1460)" and left its row of the shared costs without a name.
    expect(error(config({ members: [{ code: '1460', name: '' }, { code: '1461' }] }))).toBe('c.json: members[0].name: an empty name: the member\'s rows and its part of the shared costs would be headed with nothing; leave "name" out to use the register\'s');
    expect(error(config({ organisation: { name: '  ', code: 'BM' } }))).toBe("c.json: organisation.name: a name of only spaces: the organisation's section would be headed with nothing");
  });
  it('an answer label under two of survey.positive, .excluded and .other (case and spacing aside)', () => {
    // Decided by a rule of precedence, "vet ej" under other and under excluded was left out unsaid.
    expect(error(config({ survey: { excluded: ['Ingen erfarenhet', 'Vet ej'], other: ['vet  ej'] } }))).toBe('c.json: survey.other[0]: "vet  ej" is also under survey.excluded[1]: an answer is positive, left out or other, not two of them; name it in one list');
    expect(error(config({ survey: { positive: ['Ja'], other: ['Nej', 'JA'] } }))).toBe('c.json: survey.other[1]: "JA" is also under survey.positive[0]: an answer is positive, left out or other, not two of them; name it in one list');
    expect(error(config({ survey: { positive: ['Ja', 'Ja'], excluded: ['Vet ej'], other: ['Nej'] } }))).toBeUndefined();
  });
  it('a member listed twice', () => {
    expect(error(config({ members: [{ code: '1460' }, { code: '1461' }, { code: '1460' }] }))).toBe('c.json: members[2].code: member 1460 is listed twice (also members[0]); its costs would be counted twice');
  });
  it("the organisation's code taken by a member", () => {
    expect(error(config({ organisation: { name: 'X', code: '1461' } }))).toBe("c.json: organisation.code: the organisation's code 1461 is also a member's (members[1]); use another id");
  });
  it("an organisation alias that names a member (its name, its code, or the register's name for its code)", () => {
    const members = [{ code: '1460', name: 'Bengtsfors' }, { code: '1461', name: 'Mellerud' }];
    expect(error(config({ organisation: { name: 'X', code: 'BM', aliases: ['Gemensamt', 'mellerud'] }, members }))).toBe("c.json: organisation.aliases[1]: \"mellerud\" names the member 1461 Mellerud; its rows would be read as the organisation's");
    expect(error(config({ organisation: { name: 'X', code: 'BM', aliases: ['Bengtsfors kommun'] }, members: [{ code: '1460' }, { code: '1461' }] }))).toBe("c.json: organisation.aliases[0]: \"Bengtsfors kommun\" names the member 1460; its rows would be read as the organisation's");
    expect(error(config({ organisation: { name: 'X', code: 'BM', aliases: ['Gemensamt', 'Socialförvaltningen'] }, members }))).toBeUndefined();
  });
  it("an organisation code or alias that names another area: that area's rows would be the organisation's", () => {
    // "1281" made Lund's Kolada figures the organisation's, and its section vanished from the briefs.
    expect(error(config({ organisation: { name: 'X', code: '1281' } }))).toBe('c.json: organisation.code: "1281" names municipality 1281; its rows would be read as the organisation\'s: give the organisation an id of its own');
    expect(error(config({ organisation: { name: 'X', code: '0000' } }))).toBe('c.json: organisation.code: "0000" names Riket; its rows would be read as the organisation\'s: give the organisation an id of its own');
    expect(error(config({ organisation: { name: 'X', code: 'BM', aliases: ['Gemensamt', 'Region Skåne'] } }))).toBe('c.json: organisation.aliases[1]: "Region Skåne" names region 12; its rows would be read as the organisation\'s: leave it out of the aliases');
    // A name heads the reports: it may be an area's (it is matched to cells only where it is not).
    expect(error(config({ organisation: { name: 'Bengtsfors kommun', code: 'BM', aliases: ['Gemensamt'] } }))).toBeUndefined();
  });
  it('fixed shares: overflowing, for a non-member, all zero', () => {
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 1e308, 1461: 1e308 } } }))).toBe([
      'c.json: allocation.shares.1460: a share above 1000000000 (received 1e+308); shares are weights such as percentages',
      'c.json: allocation.shares.1461: a share above 1000000000 (received 1e+308); shares are weights such as percentages',
    ].join('\n'));
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 50, 1480: 50 } } }))).toBe([
      'c.json: allocation.shares.1480: 1480 is not among the members (1460, 1461)',
      'c.json: allocation.shares: no share for member 1461 (shares given: 1460, 1480); every member needs a share, 0 for one that pays nothing',
    ].join('\n'));
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 0, 1461: 0 } } }))).toBe('c.json: allocation.shares: every share is 0: the shared costs would be allocated to nobody');
  });
  it('fixed shares missing for a member: what it pays nothing says, so the key is refused, naming the member', () => {
    const members = [{ code: '1460' }, { code: '1461' }, { code: '1438', name: 'Dals-Ed' }];
    expect(error(config({ members, allocation: { method: 'fixed', shares: { 1460: 50, 1461: 50 } } }))).toBe('c.json: allocation.shares: no share for member 1438 (Dals-Ed) (shares given: 1460, 1461); every member needs a share, 0 for one that pays nothing');
    expect(error(config({ allocation: { method: 'fixed', shares: {} } }))).toBe('c.json: allocation.shares: no share for members 1460, 1461 (shares given: none); every member needs a share, 0 for one that pays nothing');
    expect(error(config({ members, allocation: { method: 'fixed', shares: { 1460: 50, 1461: 50, 1438: 0 } } }))).toBeUndefined();
  });
  it('a split by a usage measure no member gives (a misspelling): refused, naming what the members give', () => {
    const members = [{ code: '1460', usage: { brukare: { 2025: 10 } } }, { code: '1461', usage: { brukare: { 2025: 30 }, timmar: { 2025: 5 } } }];
    expect(error(config({ members, allocation: { method: 'usage', measure: 'brukarna' } }))).toBe('c.json: allocation.measure: no member gives usage "brukarna" (members\' usage: "brukare", "timmar")');
    // No usage given yet at all: read, and said when the report finds no year to split by.
    expect(error(config({ allocation: { method: 'usage', measure: 'brukare' } }))).toBeUndefined();
    expect(error(config({ members, allocation: { method: 'usage', measure: 'timmar' } }))).toBeUndefined();
  });
  it('a config that fits is read', () => {
    expect(error(config({ allocation: { method: 'fixed', shares: { 1460: 30, 1461: 70 } } }))).toBeUndefined();
  });
});

describe('members that are regions or kommunalförbund', () => {
  const read = (text: string) => parseConfig(text, 'c.json');
  it('a region is a member by its two-digit code; Kolada\'s "0012" is the same code', () => {
    const members = [{ code: '1283' }, { code: '1282' }, { code: '0012' }];
    const c = read(config({ members, allocation: { method: 'fixed', shares: { 1283: 40, 1282: 20, '0012': 40 } } }));
    expect(c.members.map((m) => [m.code, m.kind])).toEqual([['1283', 'municipality'], ['1282', 'municipality'], ['12', 'region']]);
    expect(c.allocation.method === 'fixed' && c.allocation.shares).toEqual({ 1283: 40, 1282: 20, 12: 40 });
    expect(error(config({ members: [{ code: '12' }, { code: '0012' }], allocation: { method: 'fixed', shares: { 12: 1 } } }))).toBe('c.json: members[1].code: member 12 is listed twice (also members[0]); its costs would be counted twice');
  });
  it('a name that is another area\'s is refused (it would head the code\'s figures); a name of its own or the code\'s is kept', () => {
    expect(error(config({ members: [{ code: '1460', name: 'Mellerud' }] }))).toBe('c.json: members[0].name: "Mellerud" is municipality 1461, not 1460; give the member its own name, or the code of the area named');
    expect(error(config({ members: [{ code: '1283', name: 'Skåne' }] }))).toBe('c.json: members[0].name: "Skåne" is region 12, not 1283; give the member its own name, or the code of the area named');
    const kept = read(config({ members: [{ code: '1460', name: 'Bengtsfors kommun' }, { code: '1461', name: 'Melleruds socialtjänst' }, { code: '0012', name: 'Region Skåne' }], allocation: { method: 'fixed', shares: { 1460: 40, 1461: 20, 12: 40 } } }));
    expect(kept.members.map((m) => m.name)).toEqual(['Bengtsfors kommun', 'Melleruds socialtjänst', 'Region Skåne']);
    // Gotland is a municipality and a region of one name: either code may carry it.
    expect(read(config({ members: [{ code: '09', name: 'Region Gotland' }, { code: '1460' }] })).members[0]!.name).toBe('Region Gotland');
    expect(read(config({ members: [{ code: '09', name: 'Gotland' }] })).members[0]!.name).toBe('Gotland');
    expect(read(config({ members: [{ code: '0980', name: 'Region Gotland' }] })).members[0]!.name).toBe('Region Gotland');
    expect(error(config({ members: [{ code: '1460', name: 'Gotland' }] }))).toMatch(/"Gotland" is municipality 0980, not 1460/);
  });
  it('members and no organisation: the organisation is named by its members, not by the tool', () => {
    const json = (c: object) => read(JSON.stringify(c)).organisation.name;
    expect(json({ members: [{ code: '1460' }, { code: '1461', name: 'Melleruds kommun' }, { code: '1462' }] })).toBe('Bengtsfors, Melleruds kommun och Lilla Edet');
    expect(json({ members: [{ code: '1460' }] })).toBe('Bengtsfors');
    expect(json({ organisation: { name: 'Gemensam nämnd' }, members: [{ code: '1460' }] })).toBe('Gemensam nämnd');
    expect(json({})).toBe('tillit');
  });
  it('"aliases" on a municipality or a region is no config error (a config naming members as the register does works), the analysis says it is unread', () => {
    expect(error(config({ members: [{ code: '1460' }, { code: '1461', aliases: ['Melleruds socialtjänst'] }] }))).toBeUndefined();
    expect(error(config({ members: [{ code: 'SOTEA', kind: 'kommunalförbund', aliases: ['Söderåsen SF'] }] }))).toBeUndefined();
  });
  it('"contains" on a municipality or a region is refused, not ignored', () => {
    expect(error(config({ members: [{ code: '1283', contains: ['1282'] }] }))).toBe('c.json: members[0].contains: "contains" is for a kommunalförbund ("kind": "kommunalförbund"); municipality 1283 contains no other area');
    expect(error(config({ members: [{ code: '12', contains: ['1282'] }] }))).toBe('c.json: members[0].contains: "contains" is for a kommunalförbund ("kind": "kommunalförbund"); region 12\'s municipalities are known from its code');
  });
  it('a member code written as a name, or as a data file writes it, names the code meant, also as a share\'s key', () => {
    expect(error(config({ members: [{ code: 'Bengtsfors' }] }))).toBe('c.json: members[0].code: "Bengtsfors" is no municipality code (four digits, "0680") or region code (two, "12" or "0012"); write municipality 1460\'s code, "1460"');
    expect(error(config({ members: [{ code: '1460 Bengtsfors' }] }))).toBe('c.json: members[0].code: a member code: a municipality\'s four digits ("0680"), a region\'s two ("12" or "0012"), or a kommunalförbund\'s own id ("SOT") (received "1460 Bengtsfors"; write municipality 1460\'s code, "1460")');
    // zod's "Invalid key in record" said nothing of what was wrong with the key.
    expect(error(config({ allocation: { method: 'fixed', shares: { '1460 Bengtsfors': 50, 1461: 50 } } }))).toMatch(/^c\.json: allocation\.shares\.1460 Bengtsfors: a member code: .*\(received "1460 Bengtsfors"; write municipality 1460's code, "1460"\)/);
  });
  it('a code in no register needs "kind": "kommunalförbund"; a kind that contradicts the code is refused', () => {
    expect(error(config({ members: [{ code: 'SOTEA' }] }))).toBe('c.json: members[0].code: "SOTEA" is no municipality code (four digits, "0680") or region code (two, "12" or "0012"); a kommunalförbund needs "kind": "kommunalförbund"');
    expect(error(config({ members: [{ code: '99' }] }))).toMatch(/members\[0\]\.code: "99" is no municipality code/);
    expect(error(config({ members: [{ code: '12', kind: 'municipality' }] }))).toBe('c.json: members[0].kind: "12" is a region code, not a municipality\'s');
    expect(read(config({ members: [{ code: 'SOTEA', kind: 'kommunalförbund', contains: ['1283'] }] })).members[0]).toMatchObject({ code: 'SOTEA', kind: 'kommunalförbund' });
  });
  it('a population key over members that overlap is refused until the config says which population to use', () => {
    const members = [{ code: '1283' }, { code: '1282' }, { code: '12' }];
    const refused = 'c.json: allocation.overlap: member 12 contains members 1283, 1282: a population key would count their inhabitants twice; say which population to use: "overlap": "as-given" (each member\'s population as written) or "remainder" (12\'s less 1283, 1282)';
    expect(error(config({ members }))).toBe(refused);
    expect(error(config({ members, allocation: { method: 'mixed', equalPercent: 50 } }))).toMatch(/a mixed key would count their inhabitants twice/);
    expect(error(config({ members: [{ code: 'F', kind: 'kommunalförbund', contains: ['1283'] }, { code: '1283' }] }))).toMatch(/member F contains member 1283:/);
    expect(error(config({ members, allocation: { method: 'population', overlap: 'remainder' } }))).toBeUndefined();
    expect(error(config({ members, allocation: { method: 'usage', measure: 'brukare' } }))).toBeUndefined();
    // A region with municipalities of another county overlaps nothing.
    expect(error(config({ members: [{ code: '1460' }, { code: '12' }] }))).toBeUndefined();
  });
  it('peers: a name and four-digit municipality codes', () => {
    expect(read(config({ peers: { 'Liknande kommuner': ['1438', '1439'] } })).peers).toEqual({ 'Liknande kommuner': ['1438', '1439'] });
    expect(error(config({ peers: { X: ['14'] } }))).toMatch(/^c\.json: peers\.X\[0\]: a four-digit municipality code/);
    // Listed twice it counted twice in the group's mean (90.6 where Lund and Halmstad give 89.85); a
    // code that is no municipality's was left out of the group without a word.
    expect(error(config({ peers: { X: ['1281', '1380', '1281'] } }))).toBe("c.json: peers.X[2]: 1281 is listed twice (also [0]); it would count twice in the group's mean and rank");
    expect(error(config({ peers: { X: ['1281', '9999'] } }))).toBe('c.json: peers.X[1]: "9999" is no municipality code');
    expect(error(config({ peers: { X: ['0012', '1281'] } }))).toBe('c.json: peers.X[0]: "0012" is region 12\'s code (as Kolada writes it); a peer group lists municipalities');
  });
});

describe('an indicator entry states only what the config writes', () => {
  it('better, unit and breaks left out stay out: no default stands in for what the catalogue knows', () => {
    const [entry] = parseConfig(config({ indicators: [{ id: 'N21026', title: { sv: 'Kostnad hemtjänst', en: 'Cost home care' } }] }), 'c.json').indicators;
    expect(entry).toEqual({ id: 'N21026', title: { sv: 'Kostnad hemtjänst', en: 'Cost home care' } });
  });
  it('what it does write is kept', () => {
    const written = { id: 'x', title: { sv: 'X', en: 'X' }, better: 'lower', unit: 'days', breaks: [2019] };
    expect(parseConfig(config({ indicators: [written] }), 'c.json').indicators).toEqual([written]);
  });
});

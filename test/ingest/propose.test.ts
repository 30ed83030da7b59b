import { describe, expect, it } from 'vitest';
import { COMPARED_GROUP, MAX_PROPOSED_MEMBERS, proposeConfig, rowsOutsideMembers } from '../../src/ingest/propose.js';
import { MUNICIPALITIES } from '../../src/model/register.js';
import { parseText } from './helpers.js';

const path = (f: string): string => f;

describe('proposeConfig', () => {
  it('members are the municipalities in the data; Riket stays a reference', () => {
    const input = parseText('År;Kommun;Fråga;Antal svarande;Andel\n2024;1460;q;40;80\n2024;Riket;q;4000;85\n2024;1461 Mellerud;q;50;70\n');
    const p = proposeConfig([input], path);
    expect(p.members.map((m) => [m.code, m.name])).toEqual([['1460', 'Bengtsfors'], ['1461', 'Mellerud']]);
    expect(p.organisation.name).toBe('Bengtsfors–Mellerud');
    expect(p.indicators).toEqual([{ spec: { id: 'q', title: { sv: 'q', en: 'q' }, better: 'higher', unit: '%' }, notes: [expect.stringContaining('CHECK: "q" is the file\'s name'), expect.stringContaining('CHECK: no English title is known')] }]);
  });

  it('a question worded for negative answers is marked CHECK and written without "better", so a report warns until it is set; a positive one stays higher', () => {
    const published = parseText('År;Kommun;Verksamhet;Fråga;Antal svarande;Andel (%)\n2024;0643;Särskilt boende;Besväras av ensamhet;400;20\n2024;0643;Särskilt boende;Nöjd med maten;400;80\n');
    const answers = parseText('Löpnr;Kommun;År;Verksamhet;Fråga;Svar\n1;0643;2024;Särskilt boende;Andel ej nöjda med maten;Ja\n2;0643;2024;Särskilt boende;Känner sig trygg;Ja\n', {}, 'a.csv');
    const p = proposeConfig([published, answers], path);
    expect(p.indicators.map((i) => [i.spec.id, i.spec.better, i.notes.filter((n) => n.includes('worded for negative answers')).length])).toEqual([
      ['Besväras av ensamhet', undefined, 1],
      ['Nöjd med maten', 'higher', 0],
      ['Andel ej nöjda med maten', undefined, 1],
      ['Känner sig trygg', 'higher', 0],
    ]);
    expect(p.indicators[0]!.notes).toContain('CHECK: "Besväras av ensamhet" is worded for negative answers: is a lower share better? Set "better": "lower" if so, "higher" if not (until then reports read it as higher and warn).');
  });

  it("known Kolada KPIs name their service, and the first of each service in tillit's list is marked its headline", () => {
    const kolada = parseText('kpi,municipality_id,municipality,year,gender,value,count,status\nU23401,1460,Bengtsfors,2024,T,50,1,NA\nU23471,1460,Bengtsfors,2024,T,80,1,NA\nU21468,1460,Bengtsfors,2024,T,85,1,NA\n');
    const p = proposeConfig([kolada], path);
    expect(p.indicators.map((i) => [i.spec.id, i.spec.service, i.spec.headline])).toEqual([
      ['U23401', 'Särskilt boende', undefined],
      ['U23471', 'Särskilt boende', true],
      ['U21468', 'Hemtjänst', true],
    ]);
  });

  it('a national file proposes no members and says why', () => {
    const rows = [...MUNICIPALITIES.keys()].slice(0, MAX_PROPOSED_MEMBERS + 1).map((c) => `2024;${c};q;40;80`);
    const p = proposeConfig([parseText(`År;Kommun;Fråga;Antal svarande;Andel\n${rows.join('\n')}\n`)], path);
    expect(p.members).toEqual([]);
    expect(p.membersNote).toMatch(/^CHECK: 13 municipalities in the data/);
  });

  it('a file whose rows all name one unknown area is the organisation\'s own', () => {
    const org = parseText('Period;Organisation;Verksamhet;Budget helår;Utfall ack\n2025-03;Gemensam förvaltning;Ledning;100;20\n2025-03;Gemensam förvaltning;Stöd;50;10\n', {}, 'org.csv');
    const p = proposeConfig([org], path);
    expect(p.organisation.aliases).toEqual(['Gemensam förvaltning']);
    expect(p.inputs[0]!.disabled).toBeUndefined();
    expect(p.inputs[0]!.notes.join(' ')).not.toContain('rejected');
  });

  it('two unknown areas in one file are not taken for the organisation: the file is written disabled', () => {
    const mixed = parseText('Period;Organisation;Verksamhet;Budget helår;Utfall ack\n2025-03;A-förvaltningen;Ledning;100;20\n2025-03;B-förvaltningen;Stöd;50;10\n', {}, 'x.csv');
    const p = proposeConfig([mixed], path);
    expect(p.organisation.aliases).toEqual([]);
    expect(p.inputs[0]!.disabled).toMatch(/^not readable as it is/);
  });

  it('a unit the file does not state is a CHECK note, never written as if known; an inferred sign is made explicit', () => {
    const budget = parseText('Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-03;1460;Ledning;-150000000;-20000000\n', {}, 'b.csv');
    const [input] = proposeConfig([budget], path).inputs;
    expect(input!.spec).toEqual({ path: 'b.csv', sign: 'costs-negative' });
    expect(input!.notes.join(' ')).toContain('CHECK: the file states no amount unit, so amounts are read as kronor');
  });

  it('a unit inferred because kronor would be implausible is written, with a CHECK note', () => {
    const budget = parseText('Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-03;1460;Ledning;-150;-20\n', {}, 'b.csv');
    const [input] = proposeConfig([budget], path).inputs;
    expect(input!.spec).toEqual({ path: 'b.csv', unit: 'mnkr', sign: 'costs-negative' });
    expect(input!.notes.join(' ')).toContain('so they are read as mnkr');
  });

  it('a known Kolada KPI keeps its title and direction; an unknown value indicator has none', () => {
    const values = parseText('kpi,municipality_id,year,value\nU23401,1460,2024,40\nX1,1460,2024,3\n');
    const p = proposeConfig([values], path);
    expect(p.indicators.map((i) => [i.spec.id, i.spec.better])).toEqual([['U23401', 'lower'], ['X1', 'none']]);
  });

  it("the organisation's own budget names the members, a region too; municipalities only in a Kolada file are a comparison group", () => {
    const budget = parseText('Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-03;1283;Äldreomsorg;-150;-20\n2025-03;Region Skåne;Hemsjukvård;-50;-10\n2025-03;1282;Äldreomsorg;-60;-8\n', {}, 'budget.csv');
    const kolada = parseText('kpi,municipality_id,municipality,year,gender,value,count,status\nU21468,1283,Helsingborg,2024,T,80,1,NA\nU21468,0581,Norrköping,2024,T,85,1,NA\nU21468,1281,Lund,2024,T,82,1,NA\n', {}, 'kolada.csv');
    const p = proposeConfig([budget, kolada], path);
    expect(p.members.map((m) => [m.code, m.name])).toEqual([['1282', 'Landskrona'], ['1283', 'Helsingborg'], ['12', 'Skåne län']]);
    expect(p.peers).toEqual({ name: COMPARED_GROUP, codes: ['0581', '1281'], note: expect.stringMatching(/^CHECK: municipalities only in files other than the organisation's own \(budget\.csv names the members\)/) });
    // The region contains the two municipalities: how a population key counts them needs a word.
    expect(p.overlap).toMatch(/^CHECK: Skåne län contains Landskrona, Helsingborg/);
  });

  it('a budget file that could not be read names no member: the municipalities of the other files are the members, not a comparison group', () => {
    // No municipality column: not readable as it is.
    const budget = parseText('Period;Verksamhet;Periodbudget;Periodutfall\n2025-03;Äldreomsorg;10;11\n', { kind: 'budget' }, 'ekonomi.csv');
    const kolada = parseText('kpi,municipality_id,municipality,year,gender,value,count,status\nU21468,1460,Bengtsfors,2024,T,80,1,NA\nU21468,1461,Mellerud,2024,T,85,1,NA\n', {}, 'kolada.csv');
    expect(budget.kind).toBe('budget');
    const p = proposeConfig([budget, kolada], path);
    expect(p.members.map((m) => m.code)).toEqual(['1460', '1461']);
    expect(p.peers).toBeUndefined();
    // A guess the user is told to check: they may be a comparison group (a reviewer's one municipality beside three).
    expect(p.membersNote).toBe('CHECK: members taken from files of published figures, as the organisation\'s own files name none (ekonomi.csv names no municipality: no column for one, or not readable as they are): keep your organisation\'s own, and move the others to "peers".');
  });

  it('without a budget or answers of its own, the municipalities in the data are the members, as before', () => {
    const kolada = parseText('kpi,municipality_id,year,value\nU21468,1460,2024,80\nU21468,1461,2024,70\nU21468,0012,2024,75\n');
    const p = proposeConfig([kolada], path);
    expect(p.members.map((m) => m.code)).toEqual(['1460', '1461']);
    expect(p.peers).toBeUndefined();
    expect(p.overlap).toBeUndefined();
    expect(p.membersNote).toBe('CHECK: members taken from files of published figures, as no budget file or file of answers names them: keep your organisation\'s own, and move the others to "peers".');
  });

  it('budget rows of an area that is no member are counted by area, the organisation\'s own rows not', () => {
    const budget = parseText('Period;Kommun;Verksamhet;Budget helår;Utfall ack\n2025-03;1283;Äldreomsorg;-150;-20\n2025-03;Region Skåne;Hemsjukvård;-50;-10\n2025-03;Region Skåne;Ledning;-5;-1\n', {}, 'budget.csv');
    expect([...rowsOutsideMembers([budget], ['1283'])]).toEqual([['Skåne län', 2]]);
    expect([...rowsOutsideMembers([budget], ['1283', '12'])]).toEqual([]);
  });

  it("an unknown value indicator's unit is the one its title ends in, and an English title it does not have is a CHECK", () => {
    const values = parseText('"kpi","municipality_id","year","value"\n"Unga med lågt socialt deltagande, andel (%)","2080",2021,5.6\n');
    const [ind] = proposeConfig([values], path).indicators;
    expect(ind!.spec.unit).toBe('%');
    expect(ind!.notes).toEqual([
      'CHECK: is a higher or a lower "Unga med lågt socialt deltagande, andel (%)" better? Set "better" to get a status.',
      'CHECK: no English title is known: "en" repeats the Swedish one (shown in reports with --lang en); write one.',
    ]);
    // A title Kolada has is its KPI (N02904), known to tillit.
    const kolada = parseText('"kpi","municipality_id","year","value"\n"Invånare 0-19 år i ekonomiskt utsatta hushåll, andel (%)","2080",2021,5.6\n');
    expect(proposeConfig([kolada], path).indicators.map((i) => [i.spec.id, i.notes[0]])).toEqual([['N02904', 'Kolada KPI known to tillit.']]);
  });

  it('a unit the title names anywhere (a PX-Web title, kronor per invånare) is written as the report reads it without a config', () => {
    const values = parseText('"kpi","municipality_id","year","value"\n"Nettokostnad äldreomsorg, kronor per invånare efter region och år","2080",2021,25256\n');
    const [ind] = proposeConfig([values], path).indicators;
    expect(ind!.spec.unit).toBe('kr');
    expect(ind!.notes[0]).toBe('CHECK: is a higher or a lower "Nettokostnad äldreomsorg, kronor per invånare efter region och år" better? Set "better" to get a status.');
  });

  it("a KPI of Kolada's list tillit knows by its Swedish title only gets its unit and direction, and the English title is a CHECK", () => {
    const values = parseText('kpi,municipality_id,year,value\nU21481,1460,2024,80\n');
    const [ind] = proposeConfig([values], path).indicators;
    expect([ind!.spec.better, ind!.spec.unit]).toEqual(['higher', '%']);
    expect(ind!.notes).toContain('CHECK: no English title is known: "en" repeats the Swedish one (shown in reports with --lang en); write one.');
  });
});

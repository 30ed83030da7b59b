import { describe, expect, it } from 'vitest';
import { planHeader } from '../../src/ingest/header-plan.js';
import type { Row } from '../../src/ingest/table.js';
import { parseText } from './helpers.js';

/** A header and rows as a CSV reader gives them (comma-separated, no quotes). */
function plan(header: string, rows: string[], opts: Parameters<typeof planHeader>[2] = { headerLine: 1 }) {
  const sample: Row[] = rows.map((r, i) => ({ line: i + 2, cells: r.split(',') }));
  return planHeader(header.split(','), sample, opts);
}

describe('planHeader', () => {
  it('a lone numeric column without a role is the value; a Kolada id in its name (any case) is the indicator', () => {
    const p = plan('geo,year,u21468', ['0114,2012,87.0', '0,2012,88', '0115,2012,NA']);
    expect(p.map.roles).toEqual({ municipality: 0, period: 1, value: 2 });
    expect(p.indicator).toBe('U21468');
    expect(p.zeroIsNation).toBe(true);
    expect(plan('geo,year,N00097', ['0114,2012,1.5']).indicator).toBe('N00097');
  });
  it('a title as the value column\'s name is the indicator, Kolada\'s id when it is a Kolada title', () => {
    expect(plan('year,municipality,Nettokostnad per invånare', ['2020,Bengtsfors,100']).indicator).toBe('Nettokostnad per invånare');
    expect(plan('year,municipality,Brukarbedömning hemtjänst äldreomsorg - helhetssyn; andel (%)', ['2020,Bengtsfors,90']).indicator).toBe('Brukarbedömning hemtjänst äldreomsorg - helhetssyn; andel (%)');
  });
  it('two numeric columns without roles are not guessed between', () => {
    const p = plan('geo,year,u21468,n00097', ['0114,2012,87,1.2']);
    expect(p.map.roles.value).toBeUndefined();
    expect(p.indicator).toBeUndefined();
  });
  it('the config\'s indicator wins over a column\'s name', () => {
    expect(plan('geo,year,u21468', ['0114,2012,87'], { headerLine: 1, indicator: 'Egen' }).indicator).toBe('Egen');
  });
  it('a constant stub naming the measure is quiet; the only other constant stub is the indicator', () => {
    const p = plan('Region,Sociala relationer,Andel och konfidensintervall,Kön,År,Andel', [
      '20 Dalarnas län,Lågt socialt deltagande,Andel,Totalt,2004-2007,22.8',
      '20 Dalarnas län,Lågt socialt deltagande,Andel,Kvinnor,2004-2007,21.0',
    ]);
    expect(p.map.roles.indicator).toBe(1);
    expect(p.quiet).toEqual([{ idx: 2, value: 'Andel' }]);
    expect(p.stubs).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(['column-as-indicator']);
  });
  it('a varying stub is a breakdown, never the indicator; one that follows the area describes it; an unnamed column is ignored', () => {
    const p = plan(',kpi,municipality_id,municipality_type,year,ålder,value', [
      '1,U1,1460,K,2020,65-79,1', '2,U1,1460,K,2020,80+,2', '3,U1,0014,L,2020,65-79,3', '4,U1,0014,L,2020,80+,4',
    ]);
    expect(p.map.roles).toMatchObject({ indicator: 1, municipality: 2, period: 4, value: 6 });
    expect(p.stubs).toEqual([5]);
    expect(p.quiet).toEqual([{ idx: 3 }]);
    expect(p.unused).toEqual([]);
    expect(p.zeroIsNation).toBe(true);
  });
  it('R\'s X2019 headers make a wide table; with no indicator the stub stays a breakdown', () => {
    const p = plan('"",region,konto,X2019,X2020', ['1,Bengtsfors,skatt,1,2', '2,Bengtsfors,bidrag,3,4']);
    expect(p.layout).toBe('wide');
    expect(p.wide).toEqual([{ idx: 3, period: '2019' }, { idx: 4, period: '2020' }]);
    expect(p.stubs).toEqual([2]);
    expect(p.map.roles.indicator).toBeUndefined();
  });
  it('names use no codes: 0 is not the nation', () => {
    expect(plan('Kommun,År,Värde', ['Bengtsfors,2020,1']).zeroIsNation).toBe(false);
  });
  it('finance columns named by months are year-to-date amounts and give the month; other columns are named as unused', () => {
    const p = plan('Verksamhet,Budget helår,Budget jan-aug,Utfall jan–aug,Avvikelse jan-aug,Internränta,Kommentar', ['Äldreomsorg,10,6,7,-1,3,x']);
    expect(p.map.roles).toMatchObject({ service: 0, budgetYear: 1, budgetYtd: 2, actualYtd: 3, deviation: 4 });
    expect(p.ytdMonth).toEqual({ month: 8, header: 'Budget jan-aug' });
    expect(p.unused).toEqual([5, 6]);
    expect(p.numeric).toEqual([5]);
    expect(plan('Verksamhet,Budget,Ack. utfall', ['A,1,2']).map.roles.actualYtd).toBe(2);
    const tom = plan('Verksamhet,Budget,Ack. budget,Utfall t.o.m. augusti', ['A,1,2,3']);
    expect(tom.map.roles).toMatchObject({ budgetYear: 1, budgetYtd: 2, actualYtd: 3 });
    expect(tom.ytdMonth).toEqual({ month: 8, header: 'Utfall t.o.m. augusti' });
    // Two different months: which one dates the file would be a guess.
    expect(plan('Verksamhet,Budget jan-apr,Utfall jan-aug', ['A,1,2']).ytdMonth).toBeUndefined();
  });
});

describe('a wide table\'s column over years it gives one by one (PX-Web\'s average "2019-2023", a change "2022-2023")', () => {
  it('is not read, with a warning at its column; a window over years the table lacks stays a period', () => {
    const read = (head: string, rows: string[]) => parseText(`${head}\n${rows.join('\n')}\n`, { indicator: 'helhetssyn', kind: 'values' });
    const r = read('region;2019;2020;2021;2022;2023;2019-2023', ['0180 Stockholm;80;82;81;83;79;81', '0114 Upplands Väsby;84;86;85;88;90;86,6']);
    expect([...new Set(r.records.map((x) => x.period))]).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(r.findings.filter((f) => f.code === 'period-window-covered').map((f) => [f.severity, f.line, f.column])).toEqual([['warning', 1, 7]]);
    const change = read('region;2021;2022;2023;2022-2023', ['0114 Upplands Väsby;84;86;88;2']);
    expect(change.records.map((x) => `${x.period} ${x.kind === 'values' ? x.value : ''}`)).toEqual(['2021 84', '2022 86', '2023 88']);
    const apart = read('region;2016-2019;2020;2021', ['0114 Upplands Väsby;81;84;86']);
    expect(apart.records.map((x) => x.period)).toEqual(['2016-2019', '2020', '2021']);
    expect(apart.findings.map((f) => f.code)).not.toContain('period-window-covered');
  });
});

describe('year-to-date columns that differ by their year', () => {
  it('read the latest year\'s (or the one without a year) whichever comes first, and date the file by it', () => {
    const older = plan('Verksamhet,Budget 2025,Utfall jan-aug 2024,Utfall jan-aug 2025,Prognos 2025', ['A,10,5,7,11']);
    expect(older.map.roles.actualYtd).toBe(3);
    expect(older.ytdMonth).toEqual({ month: 8, header: 'Utfall jan-aug 2025' });
    expect(older.unused).toEqual([2]);
    const later = plan('Verksamhet,Budget 2025,Utfall jan-aug 2025,Utfall jan-aug 2024,Prognos 2025', ['A,10,7,5,11']);
    expect(later.map.roles.actualYtd).toBe(2);
    expect(later.ytdMonth).toEqual({ month: 8, header: 'Utfall jan-aug 2025' });
    // Without a year beside one with: this year's, last year's named for comparison.
    expect(plan('Verksamhet,Budget,Utfall jan-aug 2024,Utfall jan-aug', ['A,10,5,7']).map.roles.actualYtd).toBe(3);
  });
  it('give a file dated by the later year its later outcome', () => {
    const r = parseText('Verksamhet;Budget 2025;Utfall jan-aug 2024;Utfall jan-aug 2025;Prognos 2025\nÄldreomsorg;214 900;138 100;146 950;219 500\n', { municipality: '1461', unit: 'tkr' });
    const b = r.budget!.records();
    expect(b.map((x) => [x.period, x.actualYtd, x.forecast])).toEqual([['2025-08', 146_950_000, 219_500_000]]);
  });
});

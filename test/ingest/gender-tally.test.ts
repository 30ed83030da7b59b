import { describe, expect, it } from 'vitest';
import { koladaJsonToRecords } from '../../src/ingest/kolada-json.js';
import type { GenderFilter } from '../../src/model/vocabulary.js';
import { codes, parseText } from './helpers.js';

/** A tester's file: U21468 with its total, U23471 with women's and men's rows only. */
const KM_ONLY = [
  '{"values":[',
  '{"kpi":"U21468","municipality":"1460","period":2024,"values":[{"gender":"T","count":1,"status":"","value":84}]},',
  '{"kpi":"U23471","municipality":"1460","period":2024,"values":[{"gender":"K","count":1,"status":"","value":82},{"gender":"M","count":1,"status":"","value":74}]},',
  '{"kpi":"U23471","municipality":"1460","period":2023,"values":[{"gender":"K","count":1,"status":"","value":80},{"gender":"M","count":1,"status":"","value":79}]}',
  '],"count":3,"next_page":null}',
].join('\n');
const json = (text: string, gender: GenderFilter = 'T') => koladaJsonToRecords(text, { file: 'k.json', gender });
const warnings = (findings: readonly { code: string; line?: number }[]) => findings.filter((f) => f.code === 'gender-only-skipped').map((f) => `${f.code}@${f.line}`);

describe('a Kolada JSON KPI with rows only of genders not read', () => {
  it('is a warning at its first row naming the KPI, its genders and the flags that read it; its rows stay infos', () => {
    const r = json(KM_ONLY);
    expect(warnings(r.findings)).toEqual(['gender-only-skipped@3']);
    expect(r.findings.find((f) => f.code === 'gender-only-skipped')!.args).toEqual({
      indicator: 'U23471', genders: 'K (women) and M (men)', rows: 4, selected: 'T (total)', flags: '--gender all (every gender, each shown as its own row) or --gender K or --gender M',
    });
    expect(r.findings.filter((f) => f.code === 'gender-filtered')).toHaveLength(4);
    expect(r.records.map((x) => x.indicator)).toEqual(['U21468']);
  });

  it('beside its total rows is no warning: the skipped rows are infos, as before', () => {
    const r = json(KM_ONLY.replace('"values":[{"gender":"K","count":1,"status":"","value":82}', '"values":[{"gender":"T","count":1,"status":"","value":78},{"gender":"K","count":1,"status":"","value":82}'));
    expect(warnings(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'gender-filtered')).toHaveLength(4);
  });

  it('read with --gender all: nothing skipped, nothing said', () => {
    expect(warnings(json(KM_ONLY, 'all').findings)).toEqual([]);
  });

  it('read with --gender K: the KPI with only a total is the one left out, and --gender T is named', () => {
    const r = json(KM_ONLY, 'K');
    expect(warnings(r.findings)).toEqual(['gender-only-skipped@2']);
    expect(r.findings.find((f) => f.code === 'gender-only-skipped')!.args).toMatchObject({ indicator: 'U21468', genders: 'T (total)', selected: 'K (women)', flags: '--gender all (every gender, each shown as its own row) or --gender T' });
  });
});

describe('a Kolada CSV KPI with rows only of genders not read (the same reading of rows)', () => {
  const head = 'kpi,municipality_id,municipality,year,gender,value';
  it('is a warning naming the KPI; a KPI with its total beside other genders is not', () => {
    const r = parseText(`${head}\nU21468,1460,Bengtsfors,2024,T,84\nU21468,1460,Bengtsfors,2024,K,86\nU23471,1460,Bengtsfors,2024,K,82\nU23471,1460,Bengtsfors,2024,M,74\n`, {}, 'k.csv');
    expect(codes(r, 'warning')).toEqual(['gender-only-skipped@4:-']);
    expect(r.findings.find((f) => f.code === 'gender-only-skipped')!.message).toBe('indicator U23471 has rows only for K (women) and M (men) (2 row(s), from this line on), none for T (total), the gender read: it is left out of the report whole; --gender all (every gender, each shown as its own row) or --gender K or --gender M reads it');
    expect(codes(r, 'info')).toEqual(['gender-filtered@3:5', 'gender-filtered@4:5', 'gender-filtered@5:5']);
  });
});

import { describe, expect, it } from 'vitest';
import { koladaJsonToRecords } from '../../src/ingest/kolada-json.js';

const read = (text: string) => koladaJsonToRecords(text, { file: 'k.json', gender: 'T' });

describe('entries that are not an area\'s values', () => {
  it('a unit-level entry ("ou") is rejected as such, with what to save instead', () => {
    const r = read('{"values":[{"kpi":"U21468","ou":"V15E146000101","period":2024,"values":[{"gender":"T","value":80}]}]}');
    expect(r.findings.map((f) => `${f.code}@${f.line}:${f.column} ${f.received}`)).toEqual(['kolada-unit-level@1:12 V15E146000101']);
    expect([r.records.length, r.counts.rejected]).toEqual([0, 1]);
  });
  it('an entry missing a key names the key it lacks', () => {
    const r = read('{"values":[{"kpi":"U21468","period":2024,"values":[{"gender":"T","value":80}]},{"municipality":"1460","period":2024,"values":[]}]}');
    expect(r.findings.map((f) => `${f.code} ${String(f.args?.role)}`)).toEqual(['value-required municipality', 'value-required kpi']);
  });
});

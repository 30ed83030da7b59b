import { describe, expect, it } from 'vitest';
import { koladaJsonToRecords } from '../../src/ingest/kolada-json.js';
import { parseText } from './helpers.js';

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

describe('settings of how a CSV file is read, given for a file of Kolada JSON', () => {
  it('are said as not used (a mapping written for the file was dropped without a word); the values are read as ever', () => {
    const json = '{"values":[{"kpi":"U21468","municipality":"1460","period":2024,"values":[{"gender":"T","value":80}]}]}';
    const r = parseText(json, { delimiter: ';', decimal: ',', columns: { value: 'Värde' } }, 'k.json');
    expect(r.format).toBe('kolada-json');
    expect(r.findings.filter((f) => f.code === 'setting-not-json').map((f) => `${f.severity} ${f.message.slice(0, f.message.indexOf(' is for'))}`)).toEqual(['warning "columns"', 'warning "delimiter"', 'warning "decimal"']);
    expect(r.records).toHaveLength(1);
    expect(parseText(json, {}, 'k.json').findings.filter((f) => f.code === 'setting-not-json')).toEqual([]);
  });
});

describe('a file of JSON that is no Kolada response', () => {
  it('is refused as such, not read as CSV ("a header but no data rows")', () => {
    for (const text of ['[1,2,3]\n', '{}\n', '{"data": [{"kommun": "1460", "varde": 80}]}\n', '\ufeff  [\n  {"a": 1}\n]\n']) {
      const r = parseText(text, {}, 'x.json');
      expect(r.findings.map((f) => f.code), text).toEqual(['json-not-kolada']);
      expect(r.records).toEqual([]);
    }
  });
  it('a CSV whose header opens with a bracket is still CSV', () => {
    const r = parseText('[Kommun];År;Fråga;Antal svarande;Andel positiva (%)\n1460;2024;helhetssyn;40;80\n');
    expect(r.findings.map((f) => f.code)).not.toContain('json-not-kolada');
  });
});

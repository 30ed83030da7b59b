import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/parse.js';
import { loadConfig, loadInputs } from '../../src/ingest/load.js';

const dir = mkdtempSync(join(tmpdir(), 'tillit-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'b.csv'), 'Verksamhet;Budget helår;Utfall ack\nÄldreomsorg;1200;800\n');

/** The error a config with these settings for b.csv gives before any file is read, or undefined. */
const refusal = async (setting: Record<string, string>) => {
  const path = join(dir, 'c.json');
  writeFileSync(path, JSON.stringify({ members: [{ code: '1460', name: 'Bengtsfors' }], organisation: { name: 'Gemensam nämnd', code: 'GN' }, inputs: [{ path: 'b.csv', unit: 'tkr', ...setting }] }));
  try {
    await loadInputs(await loadConfig(path), { files: [], overrides: {} });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message.replace(/^.*c\.json: /, 'c.json: ');
  }
  return undefined;
};

describe("a config input's period and municipality", () => {
  it('that cannot be read are config errors naming the key, as the flags are usage errors: every row was rejected at column 1', async () => {
    expect(await refusal({ period: '2025-13', municipality: '1460' })).toBe('c.json: inputs[0].period: not a period: "2025-13" (expected a year, 2025, a month, 2025-08 or augusti 2025, or a tertial, T2 2025)');
    expect(await refusal({ period: '2025-04', municipality: '14600' })).toBe('c.json: inputs[0].municipality: not a known municipality code or name, region, "Riket", member or the organisation: "14600"');
  });
  it('read as written: a code, a name, a member\'s name, the organisation', async () => {
    for (const municipality of ['1460', 'Bengtsfors kommun', 'Bengtsfors', 'GN', 'Gemensam nämnd']) expect(await refusal({ period: 'april 2025', municipality })).toBeUndefined();
  });
});

describe("a config's input that is not there", () => {
  it('is said with the key that names it: the path in the config is what is wrong', async () => {
    const path = join(dir, 'missing.json');
    writeFileSync(path, JSON.stringify({ inputs: [{ path: 'b.csv', unit: 'tkr', period: '2025-04', municipality: '1460' }, { path: 'budget-melerud.csv' }] }));
    const inputs = await loadInputs(await loadConfig(path), { files: [], overrides: {} });
    expect(inputs[1]!.findings.map((f) => [f.code, f.message.replace(/in .*missing\.json/, 'in missing.json')])).toEqual([['file-not-found', 'file not found (inputs[1].path in missing.json)']]);
    expect(inputs[0]!.findings.some((f) => f.code === 'file-not-found')).toBe(false);
  });
});

describe('a file a config names twice', () => {
  it('is refused naming both keys, not only the file', async () => {
    const path = join(dir, 'twice.json');
    writeFileSync(path, JSON.stringify({ inputs: [{ path: 'b.csv', period: '2025-04', municipality: '1460' }, { path: './b.csv' }] }));
    const message = await loadInputs(await loadConfig(path), { files: [], overrides: {} }).then(() => '', (e: Error) => e.message);
    expect(message).toMatch(/are the same file, named twice as inputs \(inputs\[0\]\.path and inputs\[1\]\.path in .*twice\.json\); each is read once/);
  });
});

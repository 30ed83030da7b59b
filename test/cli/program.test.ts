import { describe, expect, it } from 'vitest';
import { tillit } from './run.js';

describe('tillit report --help', () => {
  it('names every kind of --fail-on rule the parser takes', async () => {
    const r = await tillit(['report', '--help'], { env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    const help = r.stdout.replace(/\s+/g, ' ');
    for (const rule of ['status=red|yellow|green', 'trend=worsening', 'deviation<-2%', 'forecast<-1%', 'suppressed', 'optimistic']) expect(help, rule).toContain(rule);
    // Each is a rule --fail-on reads.
    for (const rule of ['status=yellow', 'trend=worsening', 'deviation<-2%', 'forecast<-1%', 'suppressed', 'optimistic']) {
      expect((await tillit(['report', '--config', 'fixtures/bengtsfors-mellerud/tillit.config.json', '--format', 'json', '--fail-on', rule])).code, rule).not.toBe(2);
    }
  });
});

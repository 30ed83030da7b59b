import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { CONFIG, tillit } from './run.js';

const jsonReport = (args: string[] = [], env: Record<string, string> = {}) => {
  const r = tillit(['report', '--config', CONFIG, '--format', 'json', ...args], { env });
  return { ...r, report: JSON.parse(r.stdout) as Report };
};

describe('the JSON report on the bundled example', () => {
  it('writes every period as a string, the trend\'s ends and forecast accuracy\'s months too', () => {
    const { report, code } = jsonReport();
    expect(code).toBe(0);
    const periods = new Set(report.quality.map((q) => q.period));
    const trends = report.quality.flatMap((q) => (q.trend ? [q.trend] : []));
    expect(trends.length).toBeGreaterThan(0);
    for (const t of trends) {
      expect(typeof t.from).toBe('string');
      expect(typeof t.to).toBe('string');
      // Each end is a period of the data, not a position on an axis.
      expect(periods.has(t.from) && periods.has(t.to)).toBe(true);
    }
    expect(trends[0]).toMatchObject({ from: '2016', to: '2025' });
    const accuracy = report.budget.flatMap((b) => b.forecastAccuracy);
    expect(accuracy.length).toBeGreaterThan(0);
    // The closed year before the report's budget year (2025-10), month by month.
    expect([...new Set(accuracy.map((a) => a.period))].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    // Whatever the key, a value named like a period is text.
    const stack: unknown[] = [report];
    let seen = 0;
    while (stack.length > 0) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...(v as unknown[]));
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          if (/^(period|from|to|survey|budget|populationYear)$/.test(k) && (typeof x === 'number')) throw new Error(`${k} is a number: ${x}`);
          if (/^(period|from|to|populationYear)$/.test(k)) seen++;
          stack.push(x);
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
  });
});

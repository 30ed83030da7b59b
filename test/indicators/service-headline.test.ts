import { describe, expect, it } from 'vitest';
import type { IndicatorSpec } from '../../src/model/indicator.js';
import type { Better } from '../../src/model/vocabulary.js';
import { serviceHeadline } from '../../src/indicators/service-headline.js';

/** A catalogue of the config's entries (in order), and directions for the rest. */
function catalogue(listed: Partial<IndicatorSpec>[], directions: Record<string, Better> = {}) {
  const specs = listed.map((s) => ({ title: { sv: s.id!, en: s.id! }, better: 'higher' as Better, unit: '%' as const, breaks: [], ...s }) as IndicatorSpec);
  return {
    get: (id: string) => specs.find((s) => s.id === id),
    indicatorOrder: (id: string) => {
      const i = specs.findIndex((s) => s.id === id);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    },
    directionOf: (id: string) => specs.find((s) => s.id === id)?.better ?? directions[id] ?? 'higher',
  };
}

describe('serviceHeadline', () => {
  it('the first listed with values, whatever order the values come in', () => {
    expect(serviceHeadline('Hemtjänst', ['trygghet', 'helhetssyn'], catalogue([{ id: 'helhetssyn' }, { id: 'trygghet' }]))).toEqual({ indicator: 'helhetssyn', rule: 'first-listed' });
  });
  it('a mark for the service wins over one for every service, and both over the order', () => {
    const c = catalogue([{ id: 'a' }, { id: 'b', headline: true }, { id: 'c', headline: true, service: 'hemtjanst' }]);
    expect(serviceHeadline('Hemtjänst', ['a', 'b', 'c'], c)).toEqual({ indicator: 'c', rule: 'marked' });
    expect(serviceHeadline('LSS', ['a', 'b', 'c'], c)).toEqual({ indicator: 'b', rule: 'marked' });
  });
  it("tillit's Kolada list in its order, then ids, when the config lists none", () => {
    expect(serviceHeadline('Särskilt boende', ['U23401', 'U23471'], catalogue([]))).toEqual({ indicator: 'U23471', rule: 'tillit-catalogue' });
    expect(serviceHeadline('X', ['zeta', 'alfa'], catalogue([]))).toEqual({ indicator: 'alfa', rule: 'first-by-id' });
  });
  it('no better direction heads nothing by rule: a count of respondents is passed over, alone it gives no headline', () => {
    const c = catalogue([{ id: 'U23592', better: 'none' }, { id: 'helhetssyn' }]);
    expect(serviceHeadline('Hemtjänst', ['U23592', 'helhetssyn'], c)).toEqual({ indicator: 'helhetssyn', rule: 'first-listed' });
    expect(serviceHeadline('Hemtjänst', ['U23592'], c)).toBeNull();
    expect(serviceHeadline('Hemtjänst', [], c)).toBeNull();
  });
  it('marked, it heads even without a better direction', () => {
    expect(serviceHeadline('Hemtjänst', ['n', 'h'], catalogue([{ id: 'h' }, { id: 'n', better: 'none', headline: true }]))).toEqual({ indicator: 'n', rule: 'marked' });
  });
});

import { describe, expect, it } from 'vitest';
import { RowShape } from '../../src/ingest/row-fields.js';

describe('RowShape', () => {
  const shape = new RowShape(['År', 'Kommun', 'Fråga', 'Andel']);
  it('a repeated header is found whatever its case, accents and padding', () => {
    expect(shape.isHeaderRow(['ar', 'KOMMUN', ' fraga ', 'Andel'])).toBe(true);
    expect(shape.repeatsHeader(['År', 'Kommun', 'Fråga', 'Andel'])).toBe(true);
    expect(shape.isHeaderRow(['År', 'Kommun', 'Fråga', 'Värde'])).toBe(false);
  });
  it('an ordinary row has the header\'s width and does not repeat it', () => {
    expect(shape.ordinary(['2024', '1460', 'helhetssyn', '87'])).toBe(true);
    expect(shape.ordinary(['2024', '1460', 'helhetssyn'])).toBe(false);
    expect(shape.ordinary(['År', 'Kommun', 'Fråga', 'Andel'])).toBe(false);
  });
});

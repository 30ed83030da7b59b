import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8 } from '../../src/ingest/decode.js';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decode(utf8('\uFEFFÅr;Kön\n'))).toMatchObject({ ok: true, text: 'År;Kön\n', encoding: 'utf-8', bom: true });
    expect(decode(utf8('År;Kön\n'))).toMatchObject({ ok: true, text: 'År;Kön\n', encoding: 'utf-8', bom: false });
  });
  it('falls back to Windows-1252 without producing U+FFFD', () => {
    const r = decode(latin1('År;Kön;Mellerud – Hälsa\n'.replace('–', '\u0096')));
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(r.ok && r.text).toBe('År;Kön;Mellerud – Hälsa\n');
    expect(r.ok && r.text.includes('\uFFFD')).toBe(false);
  });
  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const text = 'År\tKön\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    expect(decode(bytes)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });
  it('reads UTF-16BE with BOM, which is text, not binary', () => {
    const text = 'År\tKön\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) bytes[3 + 2 * i] = text.charCodeAt(i);
    expect(decode(bytes)).toMatchObject({ ok: true, text, encoding: 'utf-16be' });
  });
  it('names the line and column of invalid UTF-8 when UTF-8 is forced', () => {
    const bytes = latin1('a;b\n1;K\u00f6n\n');
    expect(decode(bytes, 'utf-8')).toEqual({ ok: false, code: 'encoding-invalid', encoding: 'utf-8', line: 2, column: 4 });
    expect(firstInvalidUtf8(bytes)).toBe(7);
  });
  it('rejects empty and binary files', () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, code: 'file-empty' });
    expect(decode(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toEqual({ ok: false, code: 'file-binary', offset: 4 });
  });
});

describe('Windows-1252 high block (Node 20 TextDecoder reads it as Latin-1: nodejs/node#60888)', () => {
  it('maps every byte 0x80–0x9F as the WHATWG index does', () => {
    const r = decode(Uint8Array.from([0x61, 0xff, ...Array.from({ length: 32 }, (_, i) => 0x80 + i)]), 'windows-1252');
    const expected = 'aÿ€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    expect(r.ok && r.text).toBe(expected);
  });
});

/** A block of whole records cut from the bytes, and the physical lines it spans. */
export interface CutBlock {
  /** A view into the scanner's store: valid until `release`. */
  bytes: Buffer;
  lines: number;
}

/**
 * Holds the bytes of a CSV stream not yet read and finds where records end: a line break (LF,
 * CRLF or a lone CR) outside quotes, by quote parity from the start of the stream. Blocks are cut
 * at the last such boundary, so a block never ends inside a record nor inside a UTF-8 sequence.
 * Pure: bytes in, blocks out.
 */
export class BoundaryScanner {
  /** The pending bytes are the first `pending.length` bytes of `store`, which doubles when a record runs on. */
  private store: Buffer = Buffer.alloc(0);
  private pending: Buffer = this.store;
  /** How far the pending bytes have been scanned. */
  private scanPos = 0;
  private inQuotes = false;
  /** Just past the last record boundary found (0: none since the last cut). */
  private boundary = 0;
  /** Line breaks in the pending bytes scanned so far, and up to the boundary. */
  private breaks = 0;
  private breaksAtBoundary = 0;
  /** The length of the block `take` last gave. */
  private taken = 0;

  /** Bytes after the last record boundary: the record still running on. */
  get unfinished(): number {
    return this.pending.length - this.boundary;
  }

  /** Whether the bytes scanned so far end inside quotes. */
  get quoted(): boolean {
    return this.inQuotes;
  }

  /** Adds bytes after the pending ones. */
  append(piece: Uint8Array): void {
    const length = this.pending.length;
    if (length + piece.length > this.store.length) {
      const larger = Buffer.allocUnsafe(Math.max(2 * this.store.length, length + piece.length));
      larger.set(this.pending);
      this.store = larger;
    }
    this.store.set(piece, length);
    this.pending = this.store.subarray(0, length + piece.length);
  }

  /** Scans the new bytes for record boundaries; `final` when no bytes follow (a CR at the end then ends a line). */
  scan(final: boolean): void {
    const buf = this.pending;
    const n = buf.length;
    let i = this.scanPos;
    if (!this.inQuotes && buf.indexOf(0x22, i) < 0 && noLoneCr(buf, i)) {
      // No quote and no CR but in CRLF ahead (most chunks of most files): every line feed is a
      // boundary, found by native search instead of a byte-by-byte loop.
      let breaks = this.breaks;
      let last = -1;
      for (let lf = buf.indexOf(0x0a, i); lf >= 0; lf = buf.indexOf(0x0a, lf + 1)) {
        breaks++;
        last = lf;
      }
      if (last >= 0) {
        this.breaks = breaks;
        this.boundary = last + 1;
        this.breaksAtBoundary = breaks;
      }
      this.scanPos = n;
      return;
    }
    // Byte by byte, with the state in locals (written back once): quotes decide.
    let inQuotes = this.inQuotes;
    let breaks = this.breaks;
    let boundary = this.boundary;
    let atBoundary = this.breaksAtBoundary;
    for (; i < n; i++) {
      const b = buf[i]!;
      if (b === 0x22) inQuotes = !inQuotes;
      else if (b === 0x0a || b === 0x0d) {
        if (b === 0x0d) {
          if (i + 1 >= n && !final) break;
          if (buf[i + 1] === 0x0a) continue;
        }
        breaks++;
        if (!inQuotes) {
          boundary = i + 1;
          atBoundary = breaks;
        }
      }
    }
    this.inQuotes = inQuotes;
    this.breaks = breaks;
    this.boundary = boundary;
    this.breaksAtBoundary = atBoundary;
    this.scanPos = i;
  }

  /**
   * The next block: the pending bytes up to the last boundary once it is at least `minBytes` in,
   * or, when `final`, all of them (the last record without a line break, or an unterminated quote
   * running to the end). Undefined when no block is ready. Read the block, then `release` it.
   */
  take(final: boolean, minBytes: number): CutBlock | undefined {
    let end: number;
    let lines: number;
    if (this.boundary > 0 && (final || this.boundary >= minBytes)) {
      end = this.boundary;
      lines = this.breaksAtBoundary;
    } else if (final && this.pending.length > 0) {
      end = this.pending.length;
      lines = this.breaks + 1;
    } else return undefined;
    this.scanPos -= end;
    this.breaks -= end === this.boundary ? this.breaksAtBoundary : this.breaks;
    this.boundary = 0;
    this.breaksAtBoundary = 0;
    this.taken = end;
    return { bytes: this.pending.subarray(0, end), lines };
  }

  /** Lets go of the block `take` gave: the rest moves to the front; a store grown by a long record is let go. */
  release(): void {
    const end = this.taken;
    const rest = this.pending.length - end;
    if (this.store.length > 1 << 22) this.store = Buffer.from(this.pending.subarray(end));
    else this.store.copyWithin(0, end, this.pending.length);
    this.pending = this.store.subarray(0, rest);
    this.taken = 0;
  }
}

/** Whether every CR in `buf` from `i` on is followed by an LF in `buf` (a CR at the end waits for the next bytes). */
function noLoneCr(buf: Buffer, i: number): boolean {
  for (let cr = buf.indexOf(0x0d, i); cr >= 0; cr = buf.indexOf(0x0d, cr + 1)) if (buf[cr + 1] !== 0x0a) return false;
  return true;
}

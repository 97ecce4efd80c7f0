// A document's text as pieces of a few KB. An edit makes a new text that shares every piece but
// the one or two it touches, so a keystroke in a 2 MB document copies a few KB, not 2 MB (a
// single string is copied whole by each edit, and that copy outlived the next young-generation
// collection: the language server's memory grew by about 1.7 MB per collection while typing).
// The whole string is made only when something reads it, once per text; a text is cut up only
// when first edited (an open document that is only read keeps one copy).

import { lastAtOrBefore } from "../language/line-index.js";

/** What the document model reads of a text: a plain string is one too. */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  charCodeAt(index: number): number;
  toString(): string;
}

/** Pieces are cut to this length when made, and an edit's piece is cut again beyond twice it. */
const PIECE = 16 * 1024;

/** A text cut up: its pieces, and where each starts (one more entry: the length). */
interface Pieces {
  readonly pieces: readonly string[];
  readonly starts: readonly number[];
}

export class ChunkedText implements TextSource {
  private constructor(
    /** The whole string, when made (a text is cut up only when first edited). */
    private joined: string | undefined,
    private cutUp: Pieces | undefined,
    readonly length: number,
    private readonly piece: number,
  ) {}

  static of(text: string, piece = PIECE): ChunkedText {
    return new ChunkedText(text, undefined, text.length, piece);
  }

  /** The text with [start, end) replaced by `insert` (offsets clamped to the text). */
  edit(start: number, end: number, insert: string): ChunkedText {
    const s = clamp(start, this.length);
    const e = Math.max(s, clamp(end, this.length));
    const { pieces, starts } = this.parts();
    if (!pieces.length) return ChunkedText.of(insert, this.piece);
    const i = pieceAt(starts, s);
    const j = pieceAt(starts, e);
    const middle = pieces[i].slice(0, s - starts[i]) + insert + pieces[j].slice(e - starts[j]);
    const fresh = middle.length > 2 * this.piece ? cut(middle, this.piece) : middle ? [detached(middle)] : [];
    const next = [...pieces.slice(0, i), ...fresh, ...pieces.slice(j + 1)];
    return new ChunkedText(undefined, { pieces: next, starts: startsOf(next) }, this.length + insert.length - (e - s), this.piece);
  }

  slice(start: number, end: number): string {
    if (this.joined !== undefined) return this.joined.slice(Math.max(0, start), Math.max(0, end));
    const s = clamp(start, this.length);
    const e = clamp(end, this.length);
    if (e <= s) return "";
    const { pieces, starts } = this.parts();
    const i = pieceAt(starts, s);
    if (e <= starts[i + 1]) return pieces[i].slice(s - starts[i], e - starts[i]);
    const out: string[] = [];
    for (let k = i; k < pieces.length && starts[k] < e; k++) out.push(pieces[k].slice(Math.max(0, s - starts[k]), e - starts[k]));
    return out.join("");
  }

  charCodeAt(index: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(index);
    if (index < 0 || index >= this.length) return NaN;
    const { pieces, starts } = this.parts();
    const i = pieceAt(starts, index);
    return pieces[i].charCodeAt(index - starts[i]);
  }

  toString(): string {
    return (this.joined ??= this.parts().pieces.join(""));
  }

  private parts(): Pieces {
    if (!this.cutUp) {
      const pieces = cut(this.joined ?? "", this.piece);
      this.cutUp = { pieces, starts: startsOf(pieces) };
    }
    return this.cutUp;
  }
}

/** The piece holding offset o (the last one for the text's end). */
const pieceAt = (starts: readonly number[], o: number) => lastAtOrBefore(starts, o, starts.length - 1);

const clamp = (o: number, length: number) => Math.max(0, Math.min(o, length));

function cut(text: string, piece: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += piece) out.push(detached(text.slice(at, at + piece)));
  return out;
}

function startsOf(pieces: readonly string[]): number[] {
  const starts = new Array<number>(pieces.length + 1);
  starts[0] = 0;
  for (let k = 0; k < pieces.length; k++) starts[k + 1] = starts[k] + pieces[k].length;
  return starts;
}

/**
 * A copy that holds none of the string it was cut from: V8 keeps a slice as a view of the whole
 * (which would keep a document's old text alive) and a concatenation as its parts.
 */
export const detached = (s: string) => (s.length < 16 ? s : (" " + s).slice(1));

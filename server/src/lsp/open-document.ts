// An open document: its text in pieces (chunked-text.ts) and where each line starts, kept up to
// date by the editor's changes. It answers positions and offsets as vscode-languageserver-textdocument
// does (tested against it), but an edit copies a few KB of text, not the whole document.
import { TextDocumentContentChangeEvent, type Position } from "vscode-languageserver";
import { lastAtOrBefore, lineStarts } from "../language/line-index.js";
import { ChunkedText } from "../service/chunked-text.js";
import type { Edit } from "../service/document-model.js";

const LF = 10;
const CR = 13;

export class OpenDocument {
  private lines: number[];

  private constructor(
    readonly uri: string,
    public version: number,
    /** The current text; each change makes a new one (an analysis keeps the one it started from). */
    public text: ChunkedText,
  ) {
    this.lines = lineStarts(text.toString());
  }

  /** TextDocuments' factory (the language id is not kept: every document here is an encounter file). */
  static create(uri: string, _languageId: string, version: number, content: string): OpenDocument {
    return new OpenDocument(uri, version, ChunkedText.of(content));
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getText(): string {
    return this.text.toString();
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, character: this.beforeLineBreak(o, this.lines[line]) - this.lines[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lines[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.lines.length ? this.lines[position.line + 1] : this.text.length;
    return this.beforeLineBreak(Math.min(start + position.character, next), start);
  }

  /**
   * Applies one change (its range in the current text). The part of the previous text it
   * replaced; undefined for a whole new text.
   */
  apply(change: TextDocumentContentChangeEvent): Edit | undefined {
    if (!TextDocumentContentChangeEvent.isIncremental(change)) {
      this.text = ChunkedText.of(change.text);
      this.lines = lineStarts(change.text);
      return undefined;
    }
    const a = this.offsetAt(change.range.start);
    const b = this.offsetAt(change.range.end);
    const [start, end] = a <= b ? [a, b] : [b, a];
    this.text = this.text.edit(start, end, change.text);
    this.moveLines(start, end, change.text.length);
    return { start, end };
  }

  /**
   * The line starts after [start, end) was replaced by `inserted` characters. A start depends on
   * the two characters either side of it ("\r\n" is one break), so those from the line above the
   * edit to one past the inserted text are found again in the new text; those after only move.
   */
  private moveLines(start: number, end: number, inserted: number) {
    const lines = this.lines;
    const keep = Math.max(0, this.lineOf(start) - 1);
    const from = lines[keep];
    let after = keep + 1;
    while (after < lines.length && lines[after] < end + 1) after++;
    const to = Math.min(start + inserted + 1, this.text.length + 1);
    // A start at the end of `seen` is decided without the character after it: not taken, unless
    // it is the end of the text.
    const fresh: number[] = [];
    for (const s of lineStarts(this.text.slice(from, to))) if (s > 0 && from + s < to) fresh.push(from + s);
    const delta = inserted - (end - start);
    // In place for a keystroke; a paste of many lines is copied (spread into one call, 150,000
    // arguments overflow the stack).
    if (fresh.length < 10_000) lines.splice(keep + 1, after - keep - 1, ...fresh);
    else this.lines = [...lines.slice(0, keep + 1), ...fresh, ...lines.slice(after)];
    if (delta) for (let i = keep + 1 + fresh.length; i < this.lines.length; i++) this.lines[i] += delta;
  }

  /** The line holding offset o. */
  private lineOf(o: number): number {
    return lastAtOrBefore(this.lines, o);
  }

  /** An offset inside or after a line break, moved back to where the break starts. */
  private beforeLineBreak(o: number, lineStart: number): number {
    while (o > lineStart && isBreak(this.text.charCodeAt(o - 1))) o--;
    return o;
  }
}

const isBreak = (c: number) => c === LF || c === CR;

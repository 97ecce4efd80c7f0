// Offsets ↔ 0-based line/character (UTF-16 code units, as both LSP and JS strings count).
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.starts, o);
    return { line, character: o - this.starts[line] };
  }

  /** position() for offsets given in increasing order (a walk through the text): no search. */
  walk(): (offset: number) => Position {
    let line = 0;
    return (offset) => {
      const o = Math.max(0, Math.min(offset, this.text.length));
      while (line + 1 < this.starts.length && this.starts[line + 1] <= o) line++;
      return { line, character: o - this.starts[line] };
    };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.max(0, Math.min(pos.line, this.starts.length - 1))];
    return Math.min(start + pos.character, this.text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Where each line starts ("\n", "\r\n" and "\r" end a line). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Without a carriage return every line ends at a "\n": indexOf finds them far faster than a
  // loop over every character (the CLI indexes every file it reports on).
  if (!text.includes("\r")) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let s = nextLineStart(text, 0); s >= 0; s = nextLineStart(text, s)) starts.push(s);
  return starts;
}

/** Where the line after the first line break at or after `at` starts; -1 if there is none. */
export function nextLineStart(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) return i + 1;
  }
  return -1;
}

/** Where the line holding `offset` starts: after the last "\n" or "\r" before it (0 if none). */
export function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== "\n" && text[i - 1] !== "\r") i--;
  return i;
}

/** Where the line holding `offset` ends: at its "\n" or "\r", or the end of the text. */
export function lineEndAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

/** The index of the last of the first `count` ascending `starts` that is at or before o (0 if none). */
export function lastAtOrBefore(starts: ArrayLike<number>, o: number, count = starts.length): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

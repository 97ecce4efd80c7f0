// Offsets ↔ 0-based line/character (UTF-16 code units, as both LSP and JS strings count).
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    // Without a carriage return every line ends at a "\n": indexOf finds them far faster than a
    // loop over every character (the CLI indexes every file it reports on).
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
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

// Reading CMS's edit-file layouts: CSV or tab-separated text, any lines before the header row,
// header cells matched by how they begin. A record whose quotes are still open at the end of a
// line continues on the next (CMS writes `"Deletion Date<newline>*=no data"`). A PTP file holds
// about half a million rows, so a plain line is read in place: its cells are (start, end) offsets
// into the file text and values are decoded from the characters, with no string made per cell.
import { EditFileError } from "./types.js";

/** A quote left open runs over at most this many lines; a stray quote in a preamble must not swallow the file. */
const MAX_RECORD_LINES = 20;
/** Cells kept per record: CMS files have 4 to 7 columns. */
const MAX_CELLS = 32;

export class RowReader {
  private pos = 0;
  private lineNo = 0;
  /** Offset of the next double quote at or after pos (-1: none left), so a plain line costs no scan for quotes. */
  private quoteAt: number;
  /** Tab or comma; decided by the header row (see readHeader). */
  delimiter: string | undefined;
  /** The current record: cell i is src[bounds[2i] .. bounds[2i+1]). */
  src = "";
  readonly bounds = new Int32Array(MAX_CELLS * 2);
  count = 0;
  line = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
    else if (text.startsWith("\u00ef\u00bb\u00bf")) this.pos = 3; // a UTF-8 byte-order mark read as Latin-1
    this.quoteAt = text.indexOf('"', this.pos);
  }

  private lineEnd(): number {
    const end = this.text.indexOf("\n", this.pos);
    return end < 0 ? this.text.length : end;
  }

  private nextLine(): string | undefined {
    if (this.pos >= this.text.length) return undefined;
    const end = this.lineEnd();
    const line = this.text.slice(this.pos, this.text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    this.pos = end + 1;
    this.lineNo++;
    return line;
  }

  /** The next record as raw text (lines joined while a quote is open), or undefined at the end. */
  nextRaw(): { raw: string; line: number } | undefined {
    let raw = this.nextLine();
    if (raw === undefined) return undefined;
    const line = this.lineNo;
    if (raw.includes('"')) {
      const mark = { pos: this.pos, lineNo: this.lineNo };
      let joined = raw;
      for (let n = 1; openQuote(joined) && n < MAX_RECORD_LINES; n++) {
        const more = this.nextLine();
        if (more === undefined) break;
        joined += "\n" + more;
      }
      if (openQuote(joined)) {
        this.pos = mark.pos; // never closed: read the line as it stands
        this.lineNo = mark.lineNo;
      } else raw = joined;
    }
    if (this.quoteAt >= 0 && this.quoteAt < this.pos) this.quoteAt = this.text.indexOf('"', this.pos);
    return { raw, line };
  }

  /** Move to the next record; false at the end of the text. */
  next(): boolean {
    if (this.pos >= this.text.length) return false;
    const end = this.lineEnd();
    if (this.quoteAt >= 0 && this.quoteAt < end) return this.nextQuoted();
    const delim = this.delimiter ?? ",";
    const stop = this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let s = this.pos;
    let n = 0;
    while (n < MAX_CELLS) {
      let e = this.text.indexOf(delim, s);
      if (e < 0 || e > stop) e = stop;
      this.bounds[2 * n] = s;
      this.bounds[2 * n + 1] = e;
      n++;
      if (e === stop) break;
      s = e + 1;
    }
    this.src = this.text;
    this.count = n;
    this.line = ++this.lineNo;
    this.pos = end + 1;
    return true;
  }

  private nextQuoted(): boolean {
    const r = this.nextRaw()!;
    const cells = split(r.raw, this.delimiter ?? guessDelimiter(r.raw)).slice(0, MAX_CELLS);
    let at = 0;
    cells.forEach((c, i) => {
      this.bounds[2 * i] = at;
      this.bounds[2 * i + 1] = at += c.length;
    });
    this.src = cells.join("");
    this.count = cells.length;
    this.line = r.line;
    return true;
  }

  /** Cell i of the current record, trimmed (for blank checks and messages). */
  cell(i: number): string {
    return i < this.count ? this.src.slice(this.bounds[2 * i], this.bounds[2 * i + 1]).trim() : "";
  }

  start(i: number): number {
    return i < this.count ? this.bounds[2 * i] : 0;
  }

  end(i: number): number {
    return i < this.count ? this.bounds[2 * i + 1] : 0;
  }
}

export function guessDelimiter(raw: string): string {
  return raw.includes("\t") ? "\t" : ",";
}

function openQuote(s: string): boolean {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

/** Cells of one record; quoted cells may hold the delimiter, line breaks and doubled quotes. */
export function split(raw: string, delimiter: string): string[] {
  if (!raw.includes('"')) return raw.split(delimiter);
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (raw[i + 1] === '"') (cell += '"'), i++;
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) cells.push(cell), (cell = "");
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** A header name: CMS's cells begin with it (or, for `contains`, hold it), case and spacing aside. */
export interface Column {
  name: string;
  contains?: boolean;
}

const normal = (cell: string) => cell.replace(/\s+/g, " ").trim().toLowerCase();

function matches(cell: string, c: Column): boolean {
  const n = normal(cell);
  const want = c.name.toLowerCase();
  return c.contains ? n.includes(want) : n.startsWith(want);
}

/** Cell index of each column in a row (-1 when absent); one cell serves one column. */
function place(cells: string[], columns: readonly Column[]): number[] {
  const taken = new Set<number>();
  return columns.map((c) => {
    const i = cells.findIndex((cell, k) => !taken.has(k) && matches(cell, c));
    if (i >= 0) taken.add(i);
    return i;
  });
}

/**
 * Skip the preamble: the header is the first row naming at least two of the columns (a title line
 * such as "Column 1/Column 2 Edits" names only one). Every column must be there; the error names
 * the file and the first missing one. Leaves the reader at the first data row.
 */
export function readHeader(reader: RowReader, columns: readonly Column[], label: string): number[] {
  const need = Math.min(2, columns.length);
  let best: { at: number[]; found: number; line: number } | undefined;
  for (let r = reader.nextRaw(); r; r = reader.nextRaw()) {
    const cells = split(r.raw, guessDelimiter(r.raw));
    const at = place(cells, columns);
    const found = at.filter((i) => i >= 0).length;
    if (found > (best?.found ?? 0)) best = { at, found, line: r.line };
    if (found >= need) {
      reader.delimiter = guessDelimiter(r.raw);
      break;
    }
  }
  if (!best) throw new EditFileError(`${label}: no header row naming ${columns.map((c) => `'${c.name}'`).join(", ")}`);
  const missing = columns.find((_, k) => best!.at[k] < 0);
  if (missing) throw new EditFileError(`${label}: the header row (line ${best.line}) has no '${missing.name}' column`);
  return best.at;
}

// The decoders below skip spaces around the value themselves (no substring, no tuple: they run
// a million times per PTP file).
const isSpace = (src: string, i: number) => src.charCodeAt(i) <= 32;

/** YYYYMMDD as a number, or -1 when the cell is not such a date. */
export function dateAt(src: string, s: number, e: number): number {
  while (s < e && isSpace(src, s)) s++;
  while (e > s && isSpace(src, e - 1)) e--;
  if (e - s !== 8) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = src.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? n : -1;
}

/**
 * A CPT/HCPCS code (five letters or digits: 96413, J9312, 0591T) as a number, base 36, or -1.
 * Numbers compare and hash faster than strings; codeName turns one back.
 */
export function codeAt(src: string, s: number, e: number): number {
  while (s < e && isSpace(src, s)) s++;
  while (e > s && isSpace(src, e - 1)) e--;
  if (e - s !== 5) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = src.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : c >= 97 && c <= 122 ? c - 87 : -1;
    if (v < 0) return -1;
    n = n * 36 + v;
  }
  return n;
}

export const codeKey = (code: string) => codeAt(code, 0, code.length);
export const codeName = (key: number) => key.toString(36).toUpperCase().padStart(5, "0");

/** A whole number, or -1. */
export function countAt(src: string, s: number, e: number): number {
  while (s < e && isSpace(src, s)) s++;
  while (e > s && isSpace(src, e - 1)) e--;
  if (e === s || e - s > 9) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = src.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function badCell(label: string, line: number, column: string, expected: string, found: string): EditFileError {
  return new EditFileError(`${label}:${line}: '${column}' must be ${expected} (found '${found.trim()}')`);
}

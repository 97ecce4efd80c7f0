// PTP files (CMS "NCCI Procedure to Procedure Edits", practitioner `ccipra…` and outpatient
// hospital `ccioph…` files, and payer files in the same layout) into one table per setting.
// Columns read: Column 1, Column 2, Effective Date, Deletion Date (`*` = none), Modifier (0/1/9);
// CMS's other columns ("* = in existence prior to 1996", "PTP Edit Rationale") are ignored.
import { badCell, codeAt, dateAt, readHeader, RowReader, type Column } from "./delimited.js";
import { NO_DELETION, type PtpTable } from "./types.js";

const COLUMNS: Column[] = [{ name: "Column 1" }, { name: "Column 2" }, { name: "Effective Date" }, { name: "Deletion Date" }, { name: "Modifier" }];

/** A growable column of 32-bit integers (plain arrays of a million numbers keep the collector busy). */
class Column32 {
  data = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

/** Rows of one setting as they are read, before grouping by column-1 code. */
export class PtpBuilder {
  private readonly col1 = new Column32();
  private readonly col2 = new Column32();
  private readonly eff = new Column32();
  private readonly del = new Column32();
  /** Modifier indicator and file index in one number: file * 16 + indicator. */
  private readonly modFile = new Column32();
  newestEffective = 0;
  skipped = 0;

  get rows(): number {
    return this.col1.length;
  }

  /**
   * Add one file. A row with an empty Column 1 is skipped (blank lines, notes under the header);
   * any other row that does not read is an error naming the file and line, because an edit
   * silently dropped would let a denied pair look clean.
   */
  add(text: string, label: string, fileIndex: number): void {
    const r = new RowReader(text);
    const [c1, c2, ce, cd, cm] = readHeader(r, COLUMNS, label);
    const bad = (col: number, name: string, expected: string) => badCell(label, r.line, name, expected, r.cell(col));
    while (r.next()) {
      const src = r.src;
      const a = codeAt(src, r.start(c1), r.end(c1));
      if (a < 0) {
        if (!r.cell(c1)) {
          this.skipped++;
          continue;
        }
        throw bad(c1, "Column 1", "a CPT/HCPCS code");
      }
      const b = codeAt(src, r.start(c2), r.end(c2));
      if (b < 0) throw bad(c2, "Column 2", "a CPT/HCPCS code");
      const effective = dateAt(src, r.start(ce), r.end(ce));
      if (effective < 0) throw bad(ce, "Effective Date", "a date YYYYMMDD");
      let deletion = dateAt(src, r.start(cd), r.end(cd));
      if (deletion < 0) {
        const d = r.cell(cd);
        if (d !== "*" && d !== "") throw bad(cd, "Deletion Date", "a date YYYYMMDD or *");
        deletion = NO_DELETION;
      }
      const m = r.end(cm) - r.start(cm) === 1 ? src.charCodeAt(r.start(cm)) - 48 : r.cell(cm).length === 1 ? r.cell(cm).charCodeAt(0) - 48 : -1;
      if (m !== 0 && m !== 1 && m !== 9) throw bad(cm, "Modifier", "0, 1 or 9");
      this.col1.push(a);
      this.col2.push(b);
      this.eff.push(effective);
      this.del.push(deletion);
      this.modFile.push(fileIndex * 16 + m);
      if (effective > this.newestEffective) this.newestEffective = effective;
    }
  }

  /** Group rows by column-1 code (a stable radix sort) into arrays on shared memory. */
  build(): PtpTable {
    const n = this.col1.length;
    const keys = this.col1.data;
    const order = radixOrder(keys, n);
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || keys[order[i]] !== keys[order[i - 1]]) distinct++;
    const t: PtpTable = {
      column1: sharedInt32(distinct),
      start: sharedInt32(distinct + 1),
      column2: sharedInt32(n),
      effective: sharedInt32(n),
      deletion: sharedInt32(n),
      modifier: new Uint8Array(new SharedArrayBuffer(n)),
      file: new Uint16Array(new SharedArrayBuffer(n * 2)),
    };
    let k = -1;
    for (let i = 0; i < n; i++) {
      const r = order[i];
      if (k < 0 || keys[r] !== t.column1[k]) {
        t.column1[++k] = keys[r];
        t.start[k] = i;
      }
      t.column2[i] = this.col2.data[r];
      t.effective[i] = this.eff.data[r];
      t.deletion[i] = this.del.data[r];
      t.modifier[i] = this.modFile.data[r] & 15;
      t.file[i] = this.modFile.data[r] >>> 4;
    }
    t.start[distinct] = n;
    return t;
  }
}

/** Row numbers ordered by key, stable: two counting passes of 13 bits (codes are below 36^5 < 2^26). */
function radixOrder(keys: Int32Array, n: number): Int32Array {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  for (const shift of [0, 13]) {
    const count = new Int32Array(8193);
    for (let i = 0; i < n; i++) count[((keys[order[i]] >>> shift) & 8191) + 1]++;
    for (let b = 0; b < 8192; b++) count[b + 1] += count[b];
    for (let i = 0; i < n; i++) next[count[(keys[order[i]] >>> shift) & 8191]++] = order[i];
    [order, next] = [next, order];
  }
  return order;
}

const sharedInt32 = (n: number) => new Int32Array(new SharedArrayBuffer(n * 4));

/** Index of `key` in table.column1 (binary search), or -1. */
export function findColumn1(t: PtpTable, key: number): number {
  let lo = 0;
  let hi = t.column1.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = t.column1[mid];
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

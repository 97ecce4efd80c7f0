// A report format in parts, so a worker thread can turn a file's report into its finished text
// and the main thread only writes text: the head, one fragment per file, the tail with the
// totals. Reports are written as files finish, so memory stays flat however many files a run lints.
import type { FileReport } from "../report.js";

export type Sink = (chunk: string) => void;

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export interface Format {
  /** Written before the first file. */
  head: string;
  /** One file's part of the report; "" writes nothing for the file. Pure: workers call it. */
  fragment(report: FileReport): string;
  /** Written before the first non-empty fragment (`first`) and between two of them (`between`). */
  first: string;
  between: string;
  /** Written after the last file; `empty` when no fragment was written. */
  tail(totals: Counts, empty: boolean): string;
}

export function countsOf(r: FileReport): Counts {
  const c: Counts = { files: 1, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const x of r.findings) {
    if (x.severity === "error") c.errors++;
    else if (x.severity === "warning") c.warnings++;
    else c.infos++;
    if (x.fixable) c.fixable++;
  }
  return c;
}

/** Writes the fragments in the order given, with the separators and totals of the format. */
export class ReportWriter {
  readonly totals: Counts = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  private empty = true;

  constructor(private readonly format: Format, private readonly write: Sink) {
    write(format.head);
  }

  add(fragment: string, counts: Counts) {
    for (const k of Object.keys(counts) as (keyof Counts)[]) this.totals[k] += counts[k];
    if (!fragment) return;
    this.write((this.empty ? this.format.first : this.format.between) + fragment);
    this.empty = false;
  }

  end() {
    this.write(this.format.tail(this.totals, this.empty));
  }
}

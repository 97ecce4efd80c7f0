// Reports are written as files finish, so memory stays flat however many files a run lints.
import type { FileReport } from "../report.js";

export interface Reporter {
  file(report: FileReport): void;
  end(): void;
}

export type Sink = (chunk: string) => void;

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function counter() {
  const c: Counts = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  return {
    counts: c,
    add(r: FileReport) {
      c.files++;
      for (const x of r.findings) {
        if (x.severity === "error") c.errors++;
        else if (x.severity === "warning") c.warnings++;
        else c.infos++;
        if (x.fixable) c.fixable++;
      }
    },
  };
}

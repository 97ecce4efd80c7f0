// CLI.md's JSON document.
import type { FileReport } from "../report.js";

export function formatJson(files: FileReport[]): string {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let fixableCount = 0;
  for (const f of files)
    for (const x of f.findings) {
      if (x.severity === "error") errorCount++;
      else if (x.severity === "warning") warningCount++;
      else infoCount++;
      if (x.fixable) fixableCount++;
    }
  return JSON.stringify({ files, errorCount, warningCount, infoCount, fixableCount }, null, 2) + "\n";
}

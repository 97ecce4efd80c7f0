// ESLint's "stylish" layout: findings grouped by file, then a summary line; coloured on a TTY.
import type { FileReport } from "../report.js";

const paint = (on: boolean) => (code: number, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function formatStylish(files: FileReport[], color: boolean): string {
  const c = paint(color);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixable = 0;
  for (const f of files) {
    if (!f.findings.length) continue;
    out.push(c(4, f.path));
    const width = Math.max(...f.findings.map((x) => `${x.line}:${x.column}`.length));
    for (const x of f.findings) {
      if (x.severity === "error") errors++;
      else if (x.severity === "warning") warnings++;
      else infos++;
      if (x.fixable) fixable++;
      const sev = x.severity === "error" ? c(31, "error  ") : x.severity === "warning" ? c(33, "warning") : c(36, "info   ");
      out.push(`  ${c(2, `${x.line}:${x.column}`.padEnd(width))}  ${sev}  ${x.message}  ${c(2, x.rule)}`);
    }
    out.push("");
  }
  const total = errors + warnings + infos;
  if (!total) return `${c(32, "✔")} ${files.length} file${files.length === 1 ? "" : "s"} checked, no problems\n`;
  const mark = errors ? c(31, "✖") : c(33, "⚠");
  out.push(`${mark} ${total} problem${total === 1 ? "" : "s"} (${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}, ${infos} info) in ${files.length} file${files.length === 1 ? "" : "s"}`);
  if (fixable) out.push(`  ${fixable} of them can be fixed with --fix`);
  return out.join("\n") + "\n";
}

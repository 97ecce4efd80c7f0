// ESLint's "stylish" layout: findings grouped by file, then a summary line; coloured on a TTY.
import type { Format } from "./reporter.js";
import { terminalText as t } from "./safe-text.js";

const paint = (on: boolean) => (code: number, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function stylishFormat(color: boolean): Format {
  const c = paint(color);
  return {
    head: "",
    first: "",
    between: "",
    fragment(f) {
      if (!f.findings.length) return "";
      const width = Math.max(...f.findings.map((x) => `${x.line}:${x.column}`.length));
      const out = [c(4, t(f.path))];
      for (const x of f.findings) {
        const sev = x.severity === "error" ? c(31, "error  ") : x.severity === "warning" ? c(33, "warning") : c(36, "info   ");
        out.push(`  ${c(2, `${x.line}:${x.column}`.padEnd(width))}  ${sev}  ${t(x.message)}  ${c(2, x.rule)}`);
      }
      return out.join("\n") + "\n\n";
    },
    tail({ files, errors, warnings, infos, fixable }) {
      const n = errors + warnings + infos;
      const s = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
      if (!n) return `${c(32, "✔")} ${s(files, "file")} checked, no problems\n`;
      return `${errors ? c(31, "✖") : c(33, "⚠")} ${s(n, "problem")} (${s(errors, "error")}, ${s(warnings, "warning")}, ${infos} info) in ${s(files, "file")}\n` +
        (fixable ? `  ${fixable} of them can be fixed with --fix\n` : "");
    },
  };
}

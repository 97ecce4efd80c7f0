// The default command: lint files and folders (CLI.md).
import { writeFileSync } from "node:fs";
import type { AnalyzeOptions } from "../../../server/src/engine/analyze.js";
import { fixText } from "../../../server/src/engine/fix-text.js";
import { collectFiles, UsageError } from "../files.js";
import { formatJson } from "../formatters/json.js";
import { formatStylish } from "../formatters/stylish.js";
import { emit, parseOptions, readText, type Io } from "../io.js";
import { fileOptions, lintText, type FileReport } from "../report.js";

export const LINT_USAGE = `Usage: encounter-lint [options] [paths...]

Lints .encounter files (folders are searched for *.encounter; default ".").

Options:
  --format stylish|json     report format (default stylish)
  --fix                     apply every determinate fix in place; report what is left
  --quiet                   errors only
  --max-warnings N          exit 1 when warnings exceed N
  -o, --output FILE         write the report to FILE
  -h, --help                show this help

Other commands:
  encounter-lint explain FILE   per encounter: derived lines, why each, predicted denials
`;

export function lintCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseOptions(argv, {
    format: { type: "string", default: "stylish" },
    fix: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    "max-warnings": { type: "string" },
    output: { type: "string", short: "o" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const options: AnalyzeOptions = {};
  const format = String(values.format);
  const formats = ["stylish", "json"];
  if (!formats.includes(format)) throw new UsageError(`unknown format '${format}': use ${formats.join(", ")}`);
  let maxWarnings: number | undefined;
  if (values["max-warnings"] !== undefined) {
    maxWarnings = Number(values["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not '${values["max-warnings"]}'`);
  }
  const files = collectFiles(positionals.length ? positionals : ["."]);
  const reports: FileReport[] = [];
  for (const path of files) {
    let text = readText(path);
    if (values.fix) {
      const fixed = fixText(text, fileOptions(path, options));
      if (fixed.text !== text) {
        writeFileSync(path, fixed.text);
        text = fixed.text;
      }
    }
    const report = lintText(path, text, options);
    if (values.quiet) report.findings = report.findings.filter((f) => f.severity === "error");
    reports.push(report);
  }
  const output = values.output as string | undefined;
  const body = format === "json" ? formatJson(reports) : formatStylish(reports, io.isTTY && !output && !process.env.NO_COLOR);
  emit(body, output, io);
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warning").length, 0);
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

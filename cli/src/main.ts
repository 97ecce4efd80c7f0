// encounter-lint: the command-line contract of CLI.md. Exit 0 no errors; 1 errors (or warnings
// over --max-warnings); 2 bad usage or an unreadable path, with a one-line message naming it.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { analyzeText, type AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { fixText } from "../../server/src/engine/fix-text.js";
import { explainText } from "./explain.js";
import { collectFiles, UsageError } from "./files.js";
import { formatJson } from "./formatters/json.js";
import { formatStylish } from "./formatters/stylish.js";
import { fileOptions, lintText, type FileReport } from "./report.js";

const USAGE = `Usage: encounter-lint [options] [paths...]
       encounter-lint explain FILE

Lints .encounter files (folders are searched for *.encounter; default ".").

Options:
  --format stylish|json     report format (default stylish)
  --fix                     apply every determinate fix in place; report what is left
  --quiet                   errors only
  --max-warnings N          exit 1 when warnings exceed N
  -o, --output FILE         write the report to FILE
  -h, --help                show this help
`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read '${path}': ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or folder" : (e as Error).message}`);
  }
}

export function run(argv: string[], io: Io): number {
  try {
    return runOrThrow(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`encounter-lint: ${e.message}\n`);
      return 2;
    }
    io.stderr(`encounter-lint: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

function runOrThrow(argv: string[], io: Io): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", default: "stylish" },
        fix: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        "max-warnings": { type: "string" },
        output: { type: "string", short: "o" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split("\n")[0]} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const options: AnalyzeOptions = {};
  if (positionals[0] === "explain") {
    if (positionals.length !== 2) throw new UsageError("explain takes one FILE");
    const path = positionals[1];
    const text = readText(path);
    const analysis = analyzeText(text, fileOptions(path, options));
    emit(explainText(path, text, analysis), values.output, io);
    return analysis.findings.some((f) => f.severity === "error") ? 1 : 0;
  }
  const formats = ["stylish", "json"];
  if (!formats.includes(values.format!)) throw new UsageError(`unknown format '${values.format}': use ${formats.join(", ")}`);
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
  const body = values.format === "json" ? formatJson(reports) : formatStylish(reports, io.isTTY && !values.output && !process.env.NO_COLOR);
  emit(body, values.output, io);
  const errors = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "error").length, 0);
  const warnings = reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === "warning").length, 0);
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

function emit(body: string, output: string | undefined, io: Io) {
  if (!output) return io.stdout(body);
  try {
    writeFileSync(output, body);
  } catch (e) {
    throw new UsageError(`cannot write '${output}': ${(e as Error).message}`);
  }
}

// `encounter-lint explain FILE [--format text|markdown|html]`. The HTML page is written one
// encounter at a time as each is analysed and rendered, never held whole.
import { resolve } from "node:path";
import { analyzeText } from "../../../server/src/engine/analyze.js";
import { explainAsAnalysed } from "../../../server/src/explain/as-analysed.js";
import { writeHtml } from "../../../server/src/explain/html.js";
import { renderMarkdown } from "../../../server/src/explain/markdown.js";
import { explainText } from "../../../server/src/explain/text.js";
import { UsageError } from "../files.js";
import { emit, readText, type Io } from "../io.js";
import { terminalText } from "../formatters/safe-text.js";
import { writePage } from "./explain-page-writer.js";
import { EXPLAIN, parseCommand } from "../options.js";
import { OptionsResolver } from "../lint-file.js";
import { fileOptions } from "../report.js";
import { AtomicFile } from "../safe-write.js";

export function explainCommand(argv: string[], io: Io): number {
  const parsed = parseCommand(EXPLAIN, argv, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("explain takes one FILE");
  const format = String(values.format);
  if (!["text", "markdown", "html"].includes(format)) throw new UsageError(`unknown format '${format}': use text, markdown or html`);
  const path = positionals[0];
  const text = readText(path);
  const output = values.output as string | undefined;
  if (output && resolve(output) === resolve(path)) throw new UsageError(`-o '${output}' is the file being explained; write the explanation elsewhere`);
  // The file's configuration (payer profiles, drug tables, rule severities, edit files), as lint
  // uses it: an explanation never disagrees with the report.
  const resolver = OptionsResolver.forReading(values.config as string | undefined);
  const options = fileOptions(path, resolver.optionsFor(path));
  // Control characters from the file never reach a terminal (or a file someone will `cat`).
  if (format !== "html") {
    const analysis = analyzeText(text, options);
    emit(terminalText(format === "markdown" ? renderMarkdown(path, analysis) : explainText(path, text, analysis)), output, io);
    return analysis.findings.some((f) => f.severity === "error") ? 1 : 0;
  }
  // The page is written as the encounters are analysed, one at a time.
  const page = explainAsAnalysed(path, text, options);
  writePage(output ? new AtomicFile(output) : undefined, io, (write) => writeHtml(write, page.file));
  return page.anyError() ? 1 : 0;
}

// `encounter-lint key DIR [--format markdown|html|json]`: the answer key of a folder of exercises
// (encounters without claims): each exercise's derived claim and the reason for every line.
// The json form is what `encounter-lint grade --key` reads (commands/grade.ts).
import { basename, relative } from "node:path";
import { analyzeText, type AnalyzeOptions } from "../../../server/src/engine/analyze.js";
import { formatItem } from "../../../server/src/engine/claim-text.js";
import { explainAsAnalysed } from "../../../server/src/explain/as-analysed.js";
import { writeHtmlPage, type ExplainedFile } from "../../../server/src/explain/html.js";
import { claimTable } from "../../../server/src/explain/markdown.js";
import { collectFiles, UsageError } from "../files.js";
import { emit, readText, type Io } from "../io.js";
import { terminalText } from "../formatters/safe-text.js";
import { KEY, parseCommand } from "../options.js";
import { OptionsResolver } from "../lint-file.js";
import { fileOptions } from "../report.js";
import { openReportFile } from "../safe-write.js";
import { writePage } from "./explain-page-writer.js";

export interface AnswerKey {
  exercises: { file: string; encounters: { name: string; claim: string[]; reasons: string[] }[] }[];
}

/** An exercise file: its name in the key, its text and its configuration. */
interface Exercise {
  file: string;
  text: string;
  options: AnalyzeOptions;
}

export function keyCommand(argv: string[], io: Io): number {
  const parsed = parseCommand(KEY, argv, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("key takes one folder of exercises");
  const format = String(values.format);
  if (!["markdown", "html", "json"].includes(format)) throw new UsageError(`unknown format '${format}': use markdown, html or json`);
  const dir = positionals[0];
  const output = values.output as string | undefined;
  // Each exercise with its configuration (drug tables, payers, defaults), as lint reads it. Every
  // file is read and configured before anything is written, so a file that cannot be read stops
  // the key before its first line.
  const resolver = OptionsResolver.forReading(values.config as string | undefined);
  const exercises: Exercise[] = collectFiles([dir]).files.map((path) => ({ file: relative(dir, path) || basename(path), text: readText(path), options: fileOptions(path, resolver.optionsFor(path)) }));
  if (format === "html") {
    // The page is written as each exercise's encounters are analysed, as `explain` writes its page.
    writePage(output ? openReportFile(output) : undefined, io, (write) => writeHtmlPage(write, "Answer key", explainedAsAnalysed(exercises)));
    return 0;
  }
  const key: AnswerKey = { exercises: [] };
  const md: string[] = ["# Answer key", ""];
  for (const { file, text, options } of exercises) {
    const a = analyzeText(text, options);
    key.exercises.push({ file, encounters: a.encounters.map((e) => ({ name: e.node.name, claim: e.derivation.lines.map(formatItem), reasons: e.derivation.lines.map((l) => l.reason) })) });
    md.push(`## ${file}`, "");
    for (const e of a.encounters) md.push(`### ${e.node.name}`, "", `Claim: \`${e.derivation.lines.map(formatItem).join(", ") || "nothing reportable"}\``, "", claimTable(e));
  }
  emit(format === "json" ? JSON.stringify(key, null, 2) + "\n" : terminalText(md.join("\n")), output, io);
  return 0;
}

/** Each exercise's explanation, its encounters analysed as the page asks for them. */
function* explainedAsAnalysed(exercises: Exercise[]): Generator<ExplainedFile> {
  for (const e of exercises) yield explainAsAnalysed(e.file, e.text, e.options).file;
}

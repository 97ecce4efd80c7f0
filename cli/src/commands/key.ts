// `encounter-lint key DIR [--format markdown|html|json]`: the answer key of a folder of exercises
// (encounters without claims): each exercise's derived claim and the reason for every line.
// The json form is what `encounter-lint grade --key` reads (commands/grade.ts).
import { basename, relative } from "node:path";
import { analyzeText } from "../../../server/src/engine/analyze.js";
import { formatItem } from "../../../server/src/engine/claim-text.js";
import { explained, writeHtmlPage, type ExplainedFile } from "../../../server/src/explain/html.js";
import { claimTable } from "../../../server/src/explain/markdown.js";
import { collectFiles, UsageError } from "../files.js";
import { emit, readText, type Io } from "../io.js";
import { terminalText } from "../formatters/safe-text.js";
import { KEY, parseCommand } from "../options.js";
import { OptionsResolver } from "../lint-file.js";
import { fileOptions } from "../report.js";

export interface AnswerKey {
  exercises: { file: string; encounters: { name: string; claim: string[]; reasons: string[] }[] }[];
}

export function keyCommand(argv: string[], io: Io): number {
  const parsed = parseCommand(KEY, argv, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError("key takes one folder of exercises");
  const format = String(values.format);
  if (!["markdown", "html", "json"].includes(format)) throw new UsageError(`unknown format '${format}': use markdown, html or json`);
  const dir = positionals[0];
  const key: AnswerKey = { exercises: [] };
  const md: string[] = ["# Answer key", ""];
  const pages: ExplainedFile[] = [];
  // Each exercise with its configuration (drug tables, payers, defaults), as lint reads it.
  const resolver = OptionsResolver.forReading(values.config as string | undefined);
  for (const path of collectFiles([dir]).files) {
    const text = readText(path);
    const a = analyzeText(text, fileOptions(path, resolver.optionsFor(path)));
    const file = relative(dir, path) || basename(path);
    key.exercises.push({ file, encounters: a.encounters.map((e) => ({ name: e.node.name, claim: e.derivation.lines.map(formatItem), reasons: e.derivation.lines.map((l) => l.reason) })) });
    md.push(`## ${file}`, "");
    for (const e of a.encounters) md.push(`### ${e.node.name}`, "", `Claim: \`${e.derivation.lines.map(formatItem).join(", ") || "nothing reportable"}\``, "", claimTable(e));
    pages.push(explained(file, text, a));
  }
  const html: string[] = [];
  if (format === "html") writeHtmlPage((s) => html.push(s), "Answer key", pages);
  const body = format === "json" ? JSON.stringify(key, null, 2) + "\n" : format === "html" ? html.join("") : md.join("\n");
  emit(format === "json" ? body : terminalText(body), values.output as string | undefined, io);
  return 0;
}

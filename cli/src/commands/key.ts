// `encounter-lint key DIR [--format markdown|html|json]`: the answer key of a folder of exercises
// (encounters without claims): each exercise's derived claim and the reason for every line.
// `encounter-lint grade --key KEY DIR`: students' files (the exercises with a claim added) against
// the key: a score per file and the findings per rule.
import { relative } from "node:path";
import { analyzeText } from "../../../server/src/engine/analyze.js";
import { formatItem } from "../../../server/src/engine/claim-text.js";
import { renderHtml } from "../../../server/src/explain/html.js";
import { claimTable } from "../../../server/src/explain/markdown.js";
import { collectFiles, UsageError } from "../files.js";
import { emit, parseOptions, readText, type Io } from "../io.js";
import { fileOptions } from "../report.js";

export interface AnswerKey {
  exercises: { file: string; encounters: { name: string; claim: string[]; reasons: string[] }[] }[];
}

export function keyCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseOptions(argv, { format: { type: "string", default: "markdown" }, output: { type: "string", short: "o" } });
  if (positionals.length !== 1) throw new UsageError("key takes one folder of exercises");
  const format = String(values.format);
  if (!["markdown", "html", "json"].includes(format)) throw new UsageError(`unknown format '${format}': use markdown, html or json`);
  const dir = positionals[0];
  const key: AnswerKey = { exercises: [] };
  const md: string[] = ["# Answer key", ""];
  const html: string[] = [];
  for (const path of collectFiles([dir])) {
    const text = readText(path);
    const a = analyzeText(text, fileOptions(path, {}));
    const file = relative(dir, path);
    key.exercises.push({ file, encounters: a.encounters.map((e) => ({ name: e.node.name, claim: e.derivation.lines.map(formatItem), reasons: e.derivation.lines.map((l) => l.reason) })) });
    md.push(`## ${file}`, "");
    for (const e of a.encounters) md.push(`### ${e.node.name}`, "", `Claim: \`${e.derivation.lines.map(formatItem).join(", ") || "nothing reportable"}\``, "", claimTable(e));
    html.push(renderHtml(file, text, a).replace(/^[\s\S]*<body>\n|<\/body><\/html>\n$/g, ""));
  }
  const body = format === "json" ? JSON.stringify(key, null, 2) + "\n" : format === "html" ? `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Answer key</title></head><body>\n${html.join("\n")}\n</body></html>\n` : md.join("\n");
  emit(body, values.output as string | undefined, io);
  return 0;
}

export function gradeCommand(argv: string[], io: Io): number {
  const { values, positionals } = parseOptions(argv, { key: { type: "string" }, output: { type: "string", short: "o" } });
  if (!values.key || positionals.length !== 1) throw new UsageError("grade needs --key KEY.json and one folder of answers");
  let key: AnswerKey;
  try {
    key = JSON.parse(readText(String(values.key)));
    if (!Array.isArray(key.exercises)) throw new Error("no 'exercises' list");
  } catch (e) {
    throw new UsageError(`${values.key}: not an answer key written by 'encounter-lint key --format json' (${(e as Error).message})`);
  }
  const dir = positionals[0];
  const byRule = new Map<string, number>();
  const lines: string[] = [];
  let perfect = true;
  for (const ex of key.exercises) {
    const path = `${dir}/${ex.file}`;
    let text: string;
    try {
      text = readText(path);
    } catch {
      lines.push(`${ex.file}: missing (0/${ex.encounters.length})`);
      perfect = false;
      continue;
    }
    const a = analyzeText(text, fileOptions(path, {}));
    let score = 0;
    const notes: string[] = [];
    ex.encounters.forEach((want, i) => {
      const got = a.encounters[i];
      const claim = got?.node.claim?.items.map((c) => formatItem({ code: c.code, units: c.units, modifiers: c.modifiers.map((m) => m.value) })) ?? [];
      const sameChart = got && got.derivation.lines.map(formatItem).join(", ") === want.claim.join(", ");
      const problems = got ? a.findings.filter((f) => f.encounter === i && f.severity !== "info") : [];
      for (const f of problems) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      if (!got) notes.push(`'${want.name}' missing`);
      else if (!sameChart) notes.push(`'${want.name}': the documentation differs from the exercise`);
      else if (!got.node.claim) notes.push(`'${want.name}': no claim`);
      else if (problems.length) notes.push(`'${want.name}': ${problems.map((f) => f.rule).join(", ")} (answer: ${want.claim.join(", ")}; given: ${claim.join(", ") || "nothing"})`);
      else score++;
    });
    if (score < ex.encounters.length) perfect = false;
    lines.push(`${ex.file}: ${score}/${ex.encounters.length}${notes.length ? `\n  ${notes.join("\n  ")}` : ""}`);
  }
  lines.push("", "Findings per rule:", ...[...byRule].sort((x, y) => y[1] - x[1]).map(([r, n]) => `  ${r}: ${n}`), ...(byRule.size ? [] : ["  none"]));
  emit(lines.join("\n") + "\n", values.output as string | undefined, io);
  return perfect ? 0 : 1;
}

// `encounter-lint grade --key KEY.json DIR`: students' files (the exercises with a claim added,
// same relative names as in the key) against the answer key: a score per file (an encounter scores
// when its documentation matches the exercise and its claim draws no warning or error) and the
// findings per rule. Exit 0 when every file has full marks, 1 when any falls short or is missing
// (so a CI job or a script can tell), 2 for bad usage or a key that is not one.
import { analyzeText } from "../../../server/src/engine/analyze.js";
import { formatItem } from "../../../server/src/engine/claim-text.js";
import { UsageError } from "../files.js";
import { emit, parseOptions, readText, type Io } from "../io.js";
import { terminalText } from "../formatters/safe-text.js";
import { fileOptions } from "../report.js";
import type { AnswerKey } from "./key.js";

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
  emit(terminalText(lines.join("\n") + "\n"), values.output as string | undefined, io);
  return perfect ? 0 : 1;
}

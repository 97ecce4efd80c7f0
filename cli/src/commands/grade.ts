// `encounter-lint grade --key KEY.json DIR`: students' files (the exercises with a claim added,
// same relative names as in the key) against the answer key: a score per file (an encounter scores
// when its documentation matches the exercise and its claim draws no warning or error) and the
// findings per rule. Exit 0 when every file has full marks, 1 when any falls short or is missing
// (so a CI job or a script can tell), 2 for bad usage or a key that is not one.
import { scoreAnswer } from "../../../server/src/engine/grade.js";
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
    const { score, notes, rules } = scoreAnswer(ex.encounters, text, fileOptions(path, {}));
    for (const rule of rules) byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    if (score < ex.encounters.length) perfect = false;
    lines.push(`${ex.file}: ${score}/${ex.encounters.length}${notes.length ? `\n  ${notes.join("\n  ")}` : ""}`);
  }
  lines.push("", "Findings per rule:", ...[...byRule].sort((x, y) => y[1] - x[1]).map(([r, n]) => `  ${r}: ${n}`), ...(byRule.size ? [] : ["  none"]));
  emit(terminalText(lines.join("\n") + "\n"), values.output as string | undefined, io);
  return perfect ? 0 : 1;
}

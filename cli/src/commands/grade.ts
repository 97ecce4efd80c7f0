// `encounter-lint grade --key KEY.json DIR`: students' files (the exercises with a claim added)
// against the answer key. DIR holds one student's files, or one folder per student. A file is
// found by its name in the key, else by the same file name anywhere in the student's folder.
// Partial credit per encounter (server/src/engine/grade.ts, the playground's grader too), totals per file and per student, findings per
// rule; text, markdown or json. Exit 0 when every student has full marks, 1 when any falls short
// (so a script can tell), 2 for bad usage or a key that is not one.
import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { collectFiles, UsageError } from "../files.js";
import { describe, gradeFile, sum, type FileGrade } from "../../../server/src/engine/grade.js";
import { emit, readText, type Io } from "../io.js";
import { fileOptions } from "../report.js";
import { terminalText } from "../formatters/safe-text.js";
import { GRADE, parseCommand } from "../options.js";
import { OptionsResolver } from "../lint-file.js";
import type { AnswerKey } from "./key.js";

interface StudentGrade {
  student: string;
  points: number;
  max: number;
  files: FileGrade[];
}

export function gradeCommand(argv: string[], io: Io): number {
  const parsed = parseCommand(GRADE, argv, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (!values.key || positionals.length !== 1) throw new UsageError("grade needs --key KEY.json and one folder of answers");
  const format = String(values.format);
  if (!["text", "markdown", "json"].includes(format)) throw new UsageError(`unknown format '${format}': use text, markdown or json`);
  const key = readKey(String(values.key));
  const resolver = OptionsResolver.forReading(values.config as string | undefined);
  const students = studentFolders(positionals[0], key).map((dir): StudentGrade => {
    const files = key.exercises.map((ex) => {
      const path = findAnswer(dir, ex.file);
      return path === null ? gradeFile(ex, null, null) : gradeFile(ex, path, readText(path), fileOptions(path, resolver.optionsFor(path)));
    });
    return { student: basename(dir), points: sum(files.map((f) => f.points)), max: sum(files.map((f) => f.max)), files };
  });
  const byRule = new Map<string, number>();
  for (const e of students.flatMap((s) => s.files.flatMap((f) => f.encounters))) for (const r of e.findings) byRule.set(r, (byRule.get(r) ?? 0) + 1);
  const rules = [...byRule].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const body =
    format === "json" ? JSON.stringify({ students, findingsPerRule: Object.fromEntries(rules) }, null, 2) + "\n" : format === "markdown" ? markdown(students, rules) : text(students, rules);
  // Names from students' folders and files never put control characters on a terminal.
  emit(format === "json" ? body : terminalText(body), values.output as string | undefined, io);
  return students.every((s) => s.points === s.max) ? 0 : 1;
}

function readKey(file: string): AnswerKey {
  try {
    const key = JSON.parse(readText(file)) as AnswerKey;
    if (!Array.isArray(key.exercises)) throw new Error("no 'exercises' list");
    return key;
  } catch (e) {
    throw new UsageError(`${file}: not an answer key written by 'encounter-lint key --format json' (${(e as Error).message})`);
  }
}

/** DIR itself when it holds any exercise's file; otherwise each of its subfolders, by name. */
function studentFolders(dir: string, key: AnswerKey): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`cannot read folder '${dir}'`);
  if (key.exercises.some((ex) => existsSync(join(dir, ex.file)))) return [dir];
  const subs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => join(dir, e.name)).sort();
  return subs.length ? subs : [dir];
}

function findAnswer(dir: string, file: string): string | null {
  if (existsSync(join(dir, file))) return join(dir, file);
  return collectFiles([dir]).files.find((p) => basename(p) === basename(file)) ?? null;
}

const pct = (s: { points: number; max: number }) => `${s.points}/${s.max} (${s.max ? Math.round((100 * s.points) / s.max) : 100}%)`;

function text(students: StudentGrade[], rules: [string, number][]): string {
  const lines: string[] = [];
  for (const s of students) {
    lines.push(`${s.student}: ${pct(s)}`);
    for (const f of s.files) lines.push(`  ${f.file}: ${f.points}/${f.max}`, ...f.encounters.filter((e) => e.points < e.max).map((e) => `    ${describe(e)}`));
  }
  lines.push("", "Findings per rule:", ...(rules.length ? rules.map(([r, n]) => `  ${r}: ${n}`) : ["  none"]));
  return lines.join("\n") + "\n";
}

function markdown(students: StudentGrade[], rules: [string, number][]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  const lines = ["# Grades", "", "| student | score |", "|---|---|", ...students.map((s) => `| ${cell(s.student)} | ${pct(s)} |`)];
  for (const s of students) {
    lines.push("", `## ${s.student}: ${pct(s)}`, "", "| file | encounter | points | notes |", "|---|---|---|---|");
    for (const f of s.files) for (const e of f.encounters) lines.push(`| ${cell(f.file)} | ${cell(e.name)} | ${e.points}/${e.max} | ${cell(describe(e).replace(/^'[^']*': \d+\/\d+;? ?/, ""))} |`);
  }
  lines.push("", "## Findings per rule", "", ...(rules.length ? rules.map(([r, n]) => `- \`${r}\`: ${n}`) : ["none"]));
  return lines.join("\n") + "\n";
}

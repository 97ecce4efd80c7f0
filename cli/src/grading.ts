// Scoring a student's file against the answer key, with partial credit: per encounter one point
// for documentation that matches the exercise, and one per line of the answer's claim that the
// student's claim carries (code, modifiers and units as written); each line the answer does not
// have takes one back, never below zero. HCPCS drug lines count only when the student's claim
// lists one, as with `missing-code` (exercises often ask for administration codes alone). A claim
// that does not parse is said as such.
import { analyzeText, type AnalyzeOptions } from "../../server/src/engine/analyze.js";
import { formatItem } from "../../server/src/engine/claim-text.js";
import { LineIndex } from "../../server/src/language/line-index.js";
import type { AnswerKey } from "./commands/key.js";
import { fileOptions } from "./report.js";

export type Exercise = AnswerKey["exercises"][number];

export interface EncounterGrade {
  name: string;
  points: number;
  max: number;
  documentation: boolean;
  missing: string[];
  extra: string[];
  /** Rule ids of the warnings and errors on the student's encounter. */
  findings: string[];
  notes: string[];
}

export interface FileGrade {
  file: string;
  /** The student's file, or null when they handed in none. */
  path: string | null;
  points: number;
  max: number;
  encounters: EncounterGrade[];
}

/** `options`: the student's file's configuration (drug tables, payers, defaults), as lint reads it. */
export function gradeFile(ex: Exercise, path: string | null, text: string | null, options: AnalyzeOptions = {}): FileGrade {
  const a = path !== null && text !== null ? analyzeText(text, fileOptions(path, options)) : undefined;
  const index = new LineIndex(text ?? "");
  const encounters = ex.encounters.map((want, i): EncounterGrade => {
    // Until the student's claim says otherwise, drug lines are not asked for.
    const adminLines = want.claim.filter((l) => !/^[JQ]\d{4}$/.test(codeOf(l)));
    const grade: EncounterGrade = { name: want.name, points: 0, max: 1 + adminLines.length, documentation: false, missing: adminLines, extra: [], findings: [], notes: [] };
    const got = a?.encounters[i];
    if (!a || !got) {
      grade.notes.push(a ? "encounter missing" : "file missing");
      return grade;
    }
    const ownFindings = a.findings.filter((f) => f.encounter === i && f.severity !== "info");
    grade.findings = ownFindings.map((f) => f.rule);
    grade.documentation = got.derivation.lines.map(formatItem).join(", ") === want.claim.join(", ");
    if (!grade.documentation) grade.notes.push("the documentation differs from the exercise");
    const unparsed = ownFindings.filter((f) => f.rule === "syntax").map((f) => `line ${index.position(f.span.start).line + 1} does not parse: ${f.message}`);
    const claim = got.node.claim?.items.map((c) => formatItem({ code: c.code, units: c.units, modifiers: c.modifiers.map((m) => m.value) }));
    if (!claim) grade.notes.push(unparsed.length ? "the claim line does not parse" : "no claim");
    grade.notes.push(...unparsed);
    const drugCodes = new Set(got.derivation.lines.filter((l) => l.kind === "drug").map((l) => l.code));
    const isDrugLine = (item: string) => drugCodes.has(codeOf(item)) || /^[JQ]\d{4}$/.test(codeOf(item));
    const answer = claim?.some(isDrugLine) ? want.claim : want.claim.filter((l) => !isDrugLine(l));
    grade.max = 1 + answer.length;
    const left = [...answer];
    for (const item of claim ?? []) {
      const k = left.indexOf(item);
      if (k >= 0) left.splice(k, 1);
      else grade.extra.push(item);
    }
    grade.missing = left;
    const lines = answer.length - left.length;
    grade.points = (grade.documentation ? 1 : 0) + Math.max(0, lines - grade.extra.length);
    return grade;
  });
  return { file: ex.file, path, points: sum(encounters.map((e) => e.points)), max: sum(encounters.map((e) => e.max)), encounters };
}

const codeOf = (item: string) => item.split(/[- ]/)[0];

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** "2/3 lines; missing 96368; extra 96367; concurrent-as-sequential" — one line per encounter. */
export function describe(e: EncounterGrade): string {
  const parts = [`${e.points}/${e.max}`, ...e.notes];
  if (e.missing.length) parts.push(`missing ${e.missing.join(", ")}`);
  if (e.extra.length) parts.push(`not in the answer ${e.extra.join(", ")}`);
  if (e.findings.length) parts.push(`findings: ${e.findings.join(", ")}`);
  return `'${e.name}': ${parts.join("; ")}`;
}

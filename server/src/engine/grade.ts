// Grading a student's answer against an exercise's key: the one scoring the CLI's `grade` and the
// web playground share. Partial credit per encounter: one point for documentation that matches
// the exercise (the same derived claim), and one per line of the answer's claim that the
// student's claim carries (code, modifiers and units as written); each line the answer does not
// have takes one back, never below zero. HCPCS drug lines count only when the student's claim
// lists one, as with `missing-code` (exercises often ask for administration codes alone). A claim
// that does not parse is said as such. The playground shows which encounters have full marks.
import { LineIndex } from "../language/line-index.js";
import { analyzeText, type AnalyzeOptions } from "./analyze.js";
import { formatItem } from "./claim-text.js";

/** One exercise's key: each encounter's name and derived claim, as `encounter-lint key` writes it. */
export interface KeyEncounter {
  name: string;
  claim: string[];
}

/** One exercise of the answer key: its file and its encounters. */
export interface Exercise {
  file: string;
  encounters: KeyEncounter[];
}

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

/** The key of an exercise text: each encounter's derived claim. */
export function keyOf(text: string, options: AnalyzeOptions): KeyEncounter[] {
  return analyzeText(text, options).encounters.map((e) => ({ name: e.node.name, claim: e.derivation.lines.map(formatItem) }));
}

/** `options`: the student's file's options (its name, drug tables, payers, defaults), as lint reads it. */
export function gradeFile(ex: Exercise, path: string | null, text: string | null, options: AnalyzeOptions = {}): FileGrade {
  const encounters = gradeEncounters(ex.encounters, text, options).map((g) => g.grade);
  return { file: ex.file, path, points: sum(encounters.map((e) => e.points)), max: sum(encounters.map((e) => e.max)), encounters };
}

/** Each encounter's grade, with the student's claim as written (null: no claim). `text` null: no file handed in. */
function gradeEncounters(key: KeyEncounter[], text: string | null, options: AnalyzeOptions): { grade: EncounterGrade; given: string[] | null }[] {
  const a = text !== null ? analyzeText(text, options) : undefined;
  const index = new LineIndex(text ?? "");
  return key.map((want, i) => {
    // Until the student's claim says otherwise, drug lines are not asked for.
    const adminLines = want.claim.filter((l) => !/^[JQ]\d{4}$/.test(codeOf(l)));
    const grade: EncounterGrade = { name: want.name, points: 0, max: 1 + adminLines.length, documentation: false, missing: adminLines, extra: [], findings: [], notes: [] };
    const got = a?.encounters[i];
    if (!a || !got) {
      grade.notes.push(a ? "encounter missing" : "file missing");
      return { grade, given: null };
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
    return { grade, given: claim ?? null };
  });
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

/** The playground's summary of a graded answer: how many encounters have full marks. */
export interface AnswerScore {
  score: number;
  total: number;
  /** One line per encounter short of full marks, in plain words. */
  notes: string[];
  /** The rule of every warning or error on the answer's encounters, once per finding. */
  rules: string[];
}

export function scoreAnswer(key: KeyEncounter[], text: string, options: AnalyzeOptions): AnswerScore {
  const result: AnswerScore = { score: 0, total: key.length, notes: [], rules: [] };
  gradeEncounters(key, text, options).forEach(({ grade: g, given }, i) => {
    result.rules.push(...g.findings);
    if (g.points === g.max) result.score++;
    else if (g.notes[0] === "encounter missing") result.notes.push(`'${g.name}' missing`);
    else if (!g.documentation || !given) result.notes.push(`'${g.name}': ${g.notes[0]}`);
    else result.notes.push(`'${g.name}': ${g.findings.join(", ") || "the claim differs from the answer"} (answer: ${key[i].claim.join(", ")}; given: ${given.join(", ") || "nothing"})`);
  });
  return result;
}

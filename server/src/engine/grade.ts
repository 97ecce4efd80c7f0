// Grading one student's answer against an exercise's key: the same scoring for the CLI's `grade`
// and the web playground. An encounter scores when its documentation still matches the exercise
// (same derived claim) and its claim draws no warning or error.
import { analyzeText, type AnalyzeOptions } from "./analyze.js";
import { formatItem } from "./claim-text.js";

/** One exercise's key: each encounter's name and derived claim, as `encounter-lint key` writes it. */
export interface KeyEncounter {
  name: string;
  claim: string[];
}

export interface AnswerScore {
  score: number;
  total: number;
  /** One line per encounter that did not score, in plain words. */
  notes: string[];
  /** The rule of every warning or error on the answer's claims, once per finding. */
  rules: string[];
}

/** The key of an exercise text: each encounter's derived claim. */
export function keyOf(text: string, options: AnalyzeOptions): KeyEncounter[] {
  return analyzeText(text, options).encounters.map((e) => ({ name: e.node.name, claim: e.derivation.lines.map(formatItem) }));
}

export function scoreAnswer(key: KeyEncounter[], text: string, options: AnalyzeOptions): AnswerScore {
  const a = analyzeText(text, options);
  const result: AnswerScore = { score: 0, total: key.length, notes: [], rules: [] };
  key.forEach((want, i) => {
    const got = a.encounters[i];
    const claim = got?.node.claim?.items.map((c) => formatItem({ code: c.code, units: c.units, modifiers: c.modifiers.map((m) => m.value) })) ?? [];
    const sameChart = got && got.derivation.lines.map(formatItem).join(", ") === want.claim.join(", ");
    const problems = got ? a.findings.filter((f) => f.encounter === i && f.severity !== "info") : [];
    result.rules.push(...problems.map((f) => f.rule));
    if (!got) result.notes.push(`'${want.name}' missing`);
    else if (!sameChart) result.notes.push(`'${want.name}': the documentation differs from the exercise`);
    else if (!got.node.claim) result.notes.push(`'${want.name}': no claim`);
    else if (problems.length) result.notes.push(`'${want.name}': ${problems.map((f) => f.rule).join(", ")} (answer: ${want.claim.join(", ")}; given: ${claim.join(", ") || "nothing"})`);
    else result.score++;
  });
  return result;
}

// Shared test helpers: analyse a snippet, read its derived claim, apply a finding's fix.
import { analyzeText, type AnalyzeOptions, type FileAnalysis } from "../server/src/engine/analyze.js";
import { applyEdits, type Finding } from "../server/src/engine/finding.js";
import { formatItem } from "../server/src/engine/claim-text.js";

export function analyze(text: string, options: AnalyzeOptions = {}): FileAnalysis {
  return analyzeText(text, { fileName: "test", ...options });
}

/** "96413, 96415 x3, J9312 x70" for encounter `i`. */
export function derived(text: string, i = 0, options: AnalyzeOptions = {}): string {
  const r = analyze(text, options).encounters[i];
  return r.derivation.lines.map(formatItem).join(", ") || "none";
}

/** Rule ids of error and warning findings, in order. */
export function rules(text: string, options: AnalyzeOptions = {}, severities = ["error", "warning"]): string[] {
  return analyze(text, options).findings.filter((f) => severities.includes(f.severity)).map((f) => f.rule);
}

export function findingsOf(text: string, rule: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, options).findings.filter((f) => f.rule === rule);
}

/** Apply the fix of the first finding of `rule` and return the new text. */
export function applyFirstFix(text: string, rule: string, options: AnalyzeOptions = {}): string {
  const f = findingsOf(text, rule, options)[0];
  if (!f) throw new Error(`no ${rule} finding in:\n${text}`);
  if (!f.fix) throw new Error(`${rule} finding has no fix: ${f.message}`);
  return applyEdits(text, f.fix.edits);
}

/** The lines a fix may touch: claims, claim continuations and drug declarations. */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

/** The text with the claim of encounter `i` (or every encounter) replaced by its fix-all. */
export function fixAll(text: string, options: AnalyzeOptions = {}): string {
  const a = analyze(text, options);
  const edits = a.encounters.flatMap((e) => e.fixAll?.edits ?? []);
  return applyEdits(text, edits);
}

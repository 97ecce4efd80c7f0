// Applying fixes to a whole text, ESLint-style: take every fix whose edits do not overlap the ones
// already taken, re-analyse, and repeat until nothing is left to fix (at most 10 passes). The one
// writer of fixed text: the CLI's --fix and the editor's fix-all both call `fixText`. Each
// encounter's claim rewrite (fix-all, in the derived order) goes first, so the claim comes out in
// the same order whichever way it was fixed; single fixes elsewhere (declarations) follow.
import { analyzeText, type AnalyzeOptions } from "./analyze.js";
import { applyEdits, type Finding, type TextEdit } from "./finding.js";

/** Fixes that are not determinate enough to apply unasked: declaring an unknown drug guesses its class. */
const NOT_AUTOMATIC = new Set(["unknown-drug"]);

export const isAutomaticFix = (f: Finding) => !!f.fix && !NOT_AUTOMATIC.has(f.rule);

export interface FixResult {
  text: string;
  applied: number;
  passes: number;
}

export function fixText(text: string, options: AnalyzeOptions = {}, maxPasses = 10): FixResult {
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const analysis = analyzeText(text, options);
    const rewrites = analysis.encounters.filter((e) => e.fixAll && nothingSilenced(e.findings, analysis.findings)).map((e) => e.fixAll!.edits);
    const single = analysis.findings.filter(isAutomaticFix).map((f) => f.fix!.edits);
    const taken = pickNonOverlapping([...rewrites, ...single]);
    if (!taken.length) break;
    text = applyEdits(text, taken.flat());
    applied += taken.length;
    passes++;
  }
  return { text, applied, passes };
}

const key = (f: Finding) => `${f.rule}@${f.span.start}-${f.span.end}`;

/** The claim rewrite would also fix what a disable directive silenced: then single fixes only. */
function nothingSilenced(own: Finding[], kept: Finding[]): boolean {
  const shown = new Set(kept.map(key));
  return own.every((f) => !f.fix || shown.has(key(f)));
}

/** Groups of edits (one group per fix) that can be applied together. */
export function pickNonOverlapping(groups: TextEdit[][]): TextEdit[][] {
  const taken: TextEdit[][] = [];
  const used: TextEdit[] = [];
  const clash = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end || a.start === b.start || (a.start === a.end && a.start === b.end) || (b.start === b.end && b.start === a.end);
  for (const g of groups) {
    if (g.some((e) => used.some((u) => clash(e, u)))) continue;
    taken.push(g);
    used.push(...g);
  }
  return taken;
}

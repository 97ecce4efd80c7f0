// Shared by the NCCI tests: the SYNTHETIC edit files of test/fixtures/ncci, loaded as the CLI
// does, and the two rules run on an analysed encounter the way the claim check calls them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { applyEdits, type Finding } from "../../server/src/engine/finding.js";
import { ncciFindings, type NcciInput } from "../../server/src/ncci/check.js";
import { editEntries } from "../../server/src/ncci/entries.js";
import { loadEdits } from "../../server/src/ncci/load.js";
import type { NcciEdits } from "../../server/src/ncci/types.js";

export const FIXTURES = "test/fixtures/ncci";
export const CONFIG = join(FIXTURES, "encounter-lint.config.json");

export function fixtureEdits(): NcciEdits {
  const raw = JSON.parse(readFileSync(CONFIG, "utf8"));
  return loadEdits(editEntries(CONFIG, "ptp", raw.ptp), editEntries(CONFIG, "mue", raw.mue), (p) => readFileSync(p, "latin1"));
}

/** Edits from text, as one file of the given kind and setting (for parser tests). */
export function editsFrom(kind: "ptp" | "mue", text: string, label = "edits.txt", setting: "office" | "hopd" = "office"): NcciEdits {
  const entry = [{ path: label, label, setting }];
  return loadEdits(kind === "ptp" ? entry : [], kind === "mue" ? entry : [], () => text);
}

/** The NCCI findings of every encounter of `text`, ranked after the engine's own (none with `engine` false). */
export function ncciOf(text: string, edits: NcciEdits, engine = true): Finding[] {
  const a = analyzeText(text, { fileName: "test" });
  return a.encounters.flatMap((r) =>
    r.node.claim ? ncciFindings({ claim: r.node.claim, text, encounter: r.node.index, setting: r.setting, date: r.ctx.date, edits }, engine ? r.findings : []) : [],
  );
}

/** The text a finding covers. */
export const at = (text: string, f: Finding) => text.slice(f.span.start, f.span.end);

export function applyFix(text: string, f: Finding): string {
  if (!f.fix) throw new Error(`no fix: ${f.message}`);
  return applyEdits(text, f.fix.edits);
}

/** One rule's findings (no ranking), every encounter of `text`. */
export function ruleOf(rule: (input: NcciInput) => Finding[], text: string, edits: NcciEdits): Finding[] {
  const a = analyzeText(text, { fileName: "test" });
  return a.encounters.flatMap((r) => (r.node.claim ? rule({ claim: r.node.claim, text, encounter: r.node.index, setting: r.setting, date: r.ctx.date, edits }) : []));
}

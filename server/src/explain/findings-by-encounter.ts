// A file's findings sorted out once by encounter, so each rendering looks an encounter's findings
// up instead of filtering every finding of the file per encounter (10,000 encounters × 4,000
// findings made the text and markdown explanations quadratic).
import type { FileAnalysis } from "../engine/analyze.js";
import type { Finding } from "../engine/finding.js";
import { pushTo } from "../engine/push-to.js";

export interface FindingsByEncounter {
  /** Findings outside any encounter (a file default that did not parse, a directive). */
  outside: Finding[];
  /** An encounter's findings by its index, in file order. */
  of(encounter: number): Finding[];
}

export function findingsByEncounter(analysis: FileAnalysis): FindingsByEncounter {
  const outside: Finding[] = [];
  const byEncounter = new Map<number, Finding[]>();
  for (const f of analysis.findings) {
    if (f.encounter === null) outside.push(f);
    else pushTo(byEncounter, f.encounter, f);
  }
  return { outside, of: (encounter) => byEncounter.get(encounter) ?? [] };
}

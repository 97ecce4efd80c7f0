// Findings: what the engine reports, with positions as file offsets and fixes as text edits.
import type { Span } from "../language/ast.js";
import { NONE } from "../language/empty-list.js";
import { RULES, type Severity } from "./rules.js";

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Related {
  span: Span;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Index of the encounter, or null for a file-level finding. */
  encounter: number | null;
  denial?: string;
  source: string;
  related: Related[];
  fix?: Fix;
}

export function makeFinding(
  rule: string,
  span: Span,
  message: string,
  encounter: number | null,
  extra: { related?: Related[]; fix?: Fix; source?: string; severity?: Severity; denial?: string } = {},
): Finding {
  const info = RULES.get(rule);
  if (!info) throw new Error(`unknown rule ${rule}`);
  return {
    rule,
    severity: extra.severity ?? info.severity,
    message,
    span,
    encounter,
    denial: extra.denial ?? info.denial,
    source: extra.source ?? info.source,
    related: extra.related ?? NONE, // most findings have none (empty-list.ts)
    fix: extra.fix,
  };
}

/** Apply edits to text (edits must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

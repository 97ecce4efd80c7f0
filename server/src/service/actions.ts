// Code actions as plain data: a quick fix per fixable finding, "fix all in this encounter",
// the whole-file fix-all (fix on save), "insert the derived claim" and "declare this drug".
import type { AnalyzeOptions } from "../engine/analyze.js";
import { formatItem, rewriteClaim } from "../engine/claim-text.js";
import type { Finding, TextEdit } from "../engine/finding.js";
import { fixText, isAutomaticFix } from "../engine/fix-text.js";
import type { Span } from "../language/ast.js";
import { lineEndAfter, lineStartBefore } from "../language/line-index.js";
import type { DocumentModel, EncounterView } from "./document-model.js";
import { minimalEdit } from "./format.js";

export interface Action {
  title: string;
  kind: "quickfix" | "source.fixAll";
  preferred?: boolean;
  /** The findings it resolves (for the client's diagnostics link). */
  findings: Finding[];
  edits: TextEdit[];
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

/** `withFixAll`: also the whole-file fix, which re-analyses the file up to ten times (asked for on save). */
export function codeActions(model: DocumentModel, range: Span, options: AnalyzeOptions, withFixAll: boolean): Action[] {
  const out: Action[] = [];
  const here = model.findings.filter((f) => overlaps(f.span, range));
  // The most severe fixable finding's fix is the one to take first.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const fixable = here.filter((f) => f.fix).sort((a, b) => rank[a.severity] - rank[b.severity]);
  fixable.forEach((f, i) => out.push({ title: f.fix!.title, kind: "quickfix", preferred: i === 0 && isAutomaticFix(f), findings: [f], edits: f.fix!.edits }));
  const view = model.viewAt(range.start);
  if (view) {
    const all = view.result.fixAll;
    if (all) out.push({ title: `Fix all in '${view.result.node.name}'`, kind: "quickfix", findings: model.findings.filter((f) => f.encounter === view.index && f.severity !== "info"), edits: shift(all.edits, view.base) });
    if (!view.result.node.claim && view.result.derivation.lines.length) {
      out.push({ title: `Insert the derived claim into '${view.result.node.name}'`, kind: "quickfix", findings: [], edits: [insertClaim(view)] });
    }
  }
  const whole = withFixAll ? fixAllEdit(model.text, options) : undefined;
  if (whole) out.push({ title: "Fix all auto-fixable claim findings in this file", kind: "source.fixAll", findings: [], edits: [whole] });
  return out;
}

/** The whole-file fix (ESLint-style passes), as one edit, or undefined when nothing changes. */
export const fixAllEdit = (text: string, options: AnalyzeOptions) => minimalEdit(text, fixText(text, options).text);

/** Writes the derived claim into the encounter: replaces its claim, or adds one after its last line. */
export function derivedClaimEdit(view: EncounterView): TextEdit | undefined {
  const { node, derivation } = view.result;
  if (!node.claim) return derivation.lines.length ? insertClaim(view) : undefined;
  const edit = rewriteClaim(view.text, node.claim, derivation.lines.map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers })));
  return view.text.slice(edit.start, edit.end) === edit.newText ? undefined : shift([edit], view.base)[0];
}

function insertClaim(view: EncounterView): TextEdit {
  const { node, derivation } = view.result;
  const t = view.text;
  const at = lineEndAfter(t, node.span.end);
  const last = node.administrations[node.administrations.length - 1];
  const lineStart = last ? lineStartBefore(t, last.span.start) : 0;
  const indent = last ? /^[ \t]*/.exec(t.slice(lineStart))![0] : "  ";
  const claim = `claim ${derivation.lines.map(formatItem).join(", ")}`;
  return { start: view.base + at, end: view.base + at, newText: `\n${indent}${claim}` };
}

const shift = (edits: TextEdit[], d: number) => edits.map((e) => ({ start: e.start + d, end: e.end + d, newText: e.newText }));

// Offsets ↔ LSP positions, and findings → diagnostics (kept per encounter between keystrokes).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../engine/finding.js";
import type { Span } from "../language/ast.js";
import type { DocumentModel, Placed } from "../service/document-model.js";

export const SOURCE = "encounter-lint";

export const toRange = (doc: Pick<TextDocument, "positionAt">, s: Span): Range => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;
/** Lines the fix removes are "unnecessary" (drawn faded); a retired code is "deprecated". */
const UNNECESSARY = new Set(["unsupported-code", "not-reportable", "facility-only", "modifier-not-needed"]);

export function toDiagnostic(doc: Pick<TextDocument, "positionAt" | "uri">, f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: SOURCE,
    message: f.denial ? `${f.message} Predicted denial: ${f.denial}.` : f.message,
  };
  if (f.related.length) d.relatedInformation = f.related.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.span) }, message: r.message }));
  if (UNNECESSARY.has(f.rule)) d.tags = [DiagnosticTag.Unnecessary];
  else if (f.rule === "retired-code") d.tags = [DiagnosticTag.Deprecated];
  return d;
}

/**
 * The diagnostics of a document, converted once per encounter: a keystroke converts the findings
 * of the encounter it changed, and an encounter below that gained or lost lines has its
 * diagnostics moved by whole lines (its own text, and so every column in it, is unchanged).
 */
export class DiagnosticCache {
  /** Line of each group's start when its diagnostics were made. */
  private readonly lineOf = new WeakMap<Placed, number>();
  /** Diagnostics of findings that lie wholly within their group (they move with it). */
  private readonly byFinding = new WeakMap<Finding, Diagnostic>();

  diagnostics(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel): Diagnostic[] {
    for (const g of model.groups) {
      if (!g.syntax.length && !g.claims.length) continue;
      const line = doc.positionAt(g.base).line;
      const was = this.lineOf.get(g);
      if (was === line) continue;
      this.lineOf.set(g, line);
      for (const f of g.syntax) this.place(doc, g, f, was === undefined ? undefined : line - was);
      for (const f of g.claims) this.place(doc, g, f, was === undefined ? undefined : line - was);
    }
    return model.findings.map((f) => this.byFinding.get(f) ?? toDiagnostic(doc, f));
  }

  /** Converts a finding of group `g`, or moves its diagnostic down `lines` lines. */
  private place(doc: Pick<TextDocument, "positionAt" | "uri">, g: Placed, f: Finding, lines: number | undefined) {
    const within = (s: Span) => s.start >= g.base && s.end <= g.base + g.length;
    if (!within(f.span) || !f.related.every((r) => within(r.span))) return;
    const d = lines === undefined ? undefined : this.byFinding.get(f);
    if (!d) return this.byFinding.set(f, toDiagnostic(doc, f));
    shiftRange(d.range, lines!);
    for (const r of d.relatedInformation ?? []) shiftRange(r.location.range, lines!);
  }
}

function shiftRange(r: Range, lines: number) {
  r.start.line += lines;
  r.end.line += lines;
}

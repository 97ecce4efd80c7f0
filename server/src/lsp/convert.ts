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
 * of the encounter it changed; an encounter below that gained or lost lines has its diagnostics
 * moved by whole lines (its own text, and so every column in it, is unchanged), and the list is
 * the encounters' lists one after the other (the model says when that is the file's order).
 */
export class DiagnosticCache {
  private readonly byGroup = new WeakMap<Placed, { line: number; diagnostics: Diagnostic[] }>();

  diagnostics(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel): Diagnostic[] {
    const ordered = model.orderedGroups();
    if (!ordered) return this.fileOrder(doc, model);
    const out = ordered.head.map((f) => toDiagnostic(doc, f));
    for (const g of ordered.groups) {
      if (!g.local.length) continue;
      for (const d of this.ofGroup(doc, g)) out.push(d);
    }
    return out;
  }

  /**
   * The diagnostics of the groups that end by `shown` (the top of a document analysed so far);
   * undefined when the findings cannot be taken group by group (see DocumentModel.orderedGroups).
   */
  top(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel, shown: number): Diagnostic[] | undefined {
    const ordered = model.orderedGroups();
    if (!ordered) return undefined;
    const out = ordered.head.map((f) => toDiagnostic(doc, f));
    for (const g of ordered.groups) {
      if (g.base + g.length > shown) break;
      if (g.local.length) for (const d of this.ofGroup(doc, g)) out.push(d);
    }
    return out;
  }

  /**
   * In the file's order (directives apply, or findings reach outside their group): each finding
   * placed from a group finding takes that finding's kept diagnostic; the others are converted.
   */
  private fileOrder(doc: Pick<TextDocument, "positionAt" | "uri">, model: DocumentModel): Diagnostic[] {
    const kept = new Map<Finding, Diagnostic>();
    for (const g of model.groups) {
      if (!g.contained || !g.local.length) continue;
      const ds = this.ofGroup(doc, g);
      g.local.forEach((f, i) => kept.set(f, ds[i]));
    }
    return model.findings.map((f) => {
      const local = model.localOf(f);
      return (local && kept.get(local)) ?? toDiagnostic(doc, f);
    });
  }

  /** A group's diagnostics: kept, moved by whole lines, or converted from its findings. */
  private ofGroup(doc: Pick<TextDocument, "positionAt" | "uri">, g: Placed): Diagnostic[] {
    const at = doc.positionAt(g.base);
    const inGroup = { uri: doc.uri, positionAt: (offset: number) => doc.positionAt(offset + g.base) };
    // A group that does not start a line (an encounter after a U+2028 separator) is not kept:
    // its columns on that line depend on the text before it.
    if (at.character !== 0) return g.local.map((f) => toDiagnostic(inGroup, f));
    const kept = this.byGroup.get(g);
    if (!kept) {
      const made = { line: at.line, diagnostics: g.local.map((f) => toDiagnostic(inGroup, f)) };
      this.byGroup.set(g, made);
      return made.diagnostics;
    }
    if (kept.line !== at.line) {
      const lines = at.line - kept.line;
      for (const d of kept.diagnostics) {
        shiftRange(d.range, lines);
        for (const r of d.relatedInformation ?? []) shiftRange(r.location.range, lines);
      }
      kept.line = at.line;
    }
    return kept.diagnostics;
  }
}

function shiftRange(r: Range, lines: number) {
  r.start.line += lines;
  r.end.line += lines;
}

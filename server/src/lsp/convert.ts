// Offsets ↔ LSP positions, and findings → diagnostics.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Finding } from "../engine/finding.js";
import type { Span } from "../language/ast.js";

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

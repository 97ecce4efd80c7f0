// Document symbols (encounters with their administrations and claim) and folding ranges.
import type { DocumentModel } from "./document-model.js";
import type { Span } from "../language/ast.js";

export interface SymbolEntry {
  name: string;
  detail?: string;
  kind: "encounter" | "administration" | "claim" | "drug";
  span: Span;
  selection: Span;
  children: SymbolEntry[];
}

/** Each encounter's symbol, in file order, one at a time (the server sends them in slices). */
export function* symbols(model: DocumentModel): Generator<SymbolEntry> {
  const at = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
  for (const v of model.views) {
    const node = v.result.node;
    const d = v.base;
    const children: SymbolEntry[] = node.administrations.map((a, i) => ({
      name: `${a.verb} ${a.drug?.text ?? ""}`.trim(),
      detail: v.summary.classifications[i],
      kind: "administration",
      span: at(a.span, d),
      selection: at(a.drug?.span ?? a.verbSpan, d),
      children: [],
    }));
    if (node.claim) children.push({ name: "claim", detail: node.claim.items.map((i) => i.code).join(", "), kind: "claim", span: at(node.claim.span, d), selection: at(node.claim.keywordSpan, d), children: [] });
    yield { name: node.name, kind: "encounter", span: at(node.span, d), selection: at(node.headerSpan, d), children };
  }
}

/** Fold each encounter (from its header to its last line). */
export function foldingRanges(model: DocumentModel): Span[] {
  return model.views.filter((v) => !v.result.node.implicit).map((v) => ({ start: v.base + v.result.node.headerSpan.start, end: v.base + v.result.node.span.end }));
}

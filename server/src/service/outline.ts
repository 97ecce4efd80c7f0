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

/**
 * Past this many entries, the outline lists the encounters without their lines. An editor asks for
 * the outline again after edits (its outline view, breadcrumbs, go to symbol): 10,000 encounters
 * with their lines are about 55,000 entries, 14.4–14.7 MB of JSON, which took the server about
 * 200 ms to send and the editor about 180 ms to read, each time. VS Code's own JSON support computes at
 * most 5,000 outline entries too (its `json.maxItemsComputed`), and drops the rest; here every
 * encounter is kept, so go to symbol still reaches each one by name.
 */
export const MAX_OUTLINE_ENTRIES = 5000;

/** Entries in the outline with every encounter's lines. */
function entries(model: DocumentModel): number {
  let n = 0;
  for (const v of model.views) n += 1 + v.result.node.administrations.length + (v.result.node.claim ? 1 : 0);
  return n;
}

/** Each encounter's symbol, in file order, one at a time (the server sends them in slices). */
export function* symbols(model: DocumentModel): Generator<SymbolEntry> {
  const at = (s: Span, d: number): Span => ({ start: s.start + d, end: s.end + d });
  const withLines = entries(model) <= MAX_OUTLINE_ENTRIES;
  for (const v of model.views) {
    const node = v.result.node;
    const d = v.base;
    // The encounter's lines: its administrations, then its claim.
    const children: SymbolEntry[] = !withLines ? [] : node.administrations.map((a, i) => ({
      name: `${a.verb} ${a.drug?.text ?? ""}`.trim(),
      detail: v.summary.classifications[i],
      kind: "administration",
      span: at(a.span, d),
      selection: at(a.drug?.span ?? a.verbSpan, d),
      children: [],
    }));
    if (withLines && node.claim) children.push({ name: "claim", detail: node.claim.items.map((i) => i.code).join(", "), kind: "claim", span: at(node.claim.span, d), selection: at(node.claim.keywordSpan, d), children: [] });
    yield { name: node.name, kind: "encounter", span: at(node.span, d), selection: at(node.headerSpan, d), children };
  }
}

/** Fold each encounter (from its header to its last line). */
export function foldingRanges(model: DocumentModel): Span[] {
  return model.views.filter((v) => !v.result.node.implicit).map((v) => ({ start: v.base + v.result.node.headerSpan.start, end: v.base + v.result.node.span.end }));
}

// Inlay hints (codes each administration gives rise to), code lenses (each encounter's derived
// claim) and the derived claim per encounter for the `encounter/derivedClaim` request.
import type { DocumentModel, EncounterView } from "./document-model.js";

export interface Hint {
  /** Offset after the administration. */
  offset: number;
  label: string;
}

export function inlayHints(model: DocumentModel, start: number, end: number): Hint[] {
  const out: Hint[] = [];
  for (const v of model.views) {
    const node = v.result.node;
    if (v.base + node.span.end < start) continue;
    if (v.base + node.headerSpan.start > end) break;
    // Derived only for the encounters in the range: the model derives each one again when read.
    const derivation = v.result.derivation;
    derivation.services.forEach((s) => {
      const at = v.base + s.admin.span.end;
      if (at < start || at > end) return;
      const lines = derivation.lines.filter((l) => l.kind === "admin" && l.admins[0] === s.index);
      const label = lines.length ? lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join("")}${l.units > 1 ? ` ×${l.units}` : ""}`).join(" + ") : s.outcome[0]?.startsWith("not") || s.outcome[0]?.startsWith("no ") ? "no code" : "";
      if (label) out.push({ offset: at, label: `→ ${label}` });
    });
  }
  return out;
}

export interface Lens {
  /** Offset of the encounter header. */
  offset: number;
  title: string;
  view: EncounterView;
}

/** Each encounter's lens, in file order, one at a time (the server sends them in slices). */
export function* codeLenses(model: DocumentModel): Generator<Lens> {
  for (const v of model.views) yield { offset: v.base + v.result.node.headerSpan.start, title: `Derived claim: ${claimText(v) || "nothing reportable"}`, view: v };
}

export const claimText = (v: EncounterView) => v.summary.derivedItems.join(", ");

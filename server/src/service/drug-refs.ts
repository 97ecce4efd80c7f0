// Go to definition and rename for drugs declared in the file (`drug NAME CLASS ...`).
import type { DrugRef, Span } from "../language/ast.js";
import type { DocumentModel } from "./document-model.js";
import { parse } from "../language/parse.js";

interface Refs {
  declarations: Span[];
  uses: Span[];
}

/** Every mention of the drug under the cursor, when the file declares that drug. */
export function declaredDrugAt(model: DocumentModel, offset: number): Refs | undefined {
  // Whole-file parse: rename and definition are rare, and need every mention with file offsets.
  const file = parse(model.text);
  const refs: DrugRef[] = [];
  for (const d of file.drugs) refs.push(d.name);
  for (const e of file.encounters) {
    for (const a of e.administrations) for (const r of [a.drug, a.with]) if (r) refs.push(r);
    if (e.fields.primary) refs.push(e.fields.primary.value);
  }
  if (file.defaults.primary) refs.push(file.defaults.primary.value);
  const here = refs.find((r) => r.span.start <= offset && offset <= r.span.end);
  if (!here) return undefined;
  const decls = file.drugs.filter((d) => d.name.key === here.key).map((d) => d.name.span);
  if (!decls.length) return undefined;
  return { declarations: decls, uses: refs.filter((r) => r.key === here.key).map((r) => r.span) };
}

/** Rename edits, or an error message in coding words. */
export function renameDrug(model: DocumentModel, offset: number, newName: string): { edits: { start: number; end: number; newText: string }[] } | { error: string } {
  const refs = declaredDrugAt(model, offset);
  if (!refs) return { error: "Only drugs declared in this file (with a `drug` line) can be renamed." };
  const text = /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(newName) ? newName : `"${newName.replace(/"/g, "")}"`;
  return { edits: refs.uses.map((s) => ({ ...s, newText: text })) };
}

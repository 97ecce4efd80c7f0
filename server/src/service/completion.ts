// Completion items as plain data: what may be written at the cursor, judged from the line so far.
import { PAYERS } from "../data/payers/index.js";
import { allAdminCodes, codesInForce } from "../engine/catalogue.js";
import type { DocumentModel } from "./document-model.js";
import type { FeatureOptions } from "./hover.js";
import { CLASS_WORDS, CLAUSES, MODIFIERS, ROUTES, SETTINGS, UNIT_WORDS, VERBS } from "./words.js";

export type ItemKind = "keyword" | "drug" | "code" | "value" | "modifier";

export interface CompletionEntry {
  label: string;
  kind: ItemKind;
  detail?: string;
  documentation?: string;
  /** Sort key: derived codes come first. */
  sortText?: string;
}

const FIELDS: Record<string, string> = {
  encounter: 'start an encounter: encounter "Name"',
  setting: "office, hopd or home",
  pos: "place of service: 11, 12, 19 or 22",
  payer: "payer profile, e.g. medicare",
  bsa: "body surface area, e.g. bsa 1.8m2 (for mg/m2 doses)",
  weight: "weight, e.g. weight 70kg (for mg/kg doses)",
  date: "date of service YYYY-MM-DD: picks the HCPCS codes in force",
  primary: "the drug that is the primary reason for the visit (office)",
  claim: "the codes billed: claim 96413, 96415 x3",
  visit: "a significant, separately identifiable E/M service: visit 99213",
  drug: "declare a drug: drug NAME CLASS [hcpcs CODE [per DOSE]]",
};

export function complete(model: DocumentModel, offset: number, opts: FeatureOptions = {}): CompletionEntry[] {
  const before = model.lineBefore(offset).replace(/#.*/, "");
  const statement = before.slice(before.lastIndexOf(";") + 1);
  const words = statement.trim().split(/\s+/).filter(Boolean);
  const typing = !/\s$/.test(statement) && words.length > 0;
  const done = typing ? words.slice(0, -1) : words;
  const first = done[0]?.toLowerCase();

  if (done.length === 0 && !/^\s*\d/.test(statement) && !/^\s*[A-Z]\d/.test(statement)) {
    return [
      ...Object.entries(VERBS).map(([label, detail]) => ({ label, kind: "keyword" as const, detail })),
      ...Object.entries(FIELDS).map(([label, detail]) => ({ label, kind: "keyword" as const, detail })),
    ];
  }
  if (first === "setting") return Object.entries(SETTINGS).map(([label, detail]) => ({ label, kind: "value", detail }));
  if (first === "payer") return PAYERS.map((p) => ({ label: p.names[0], kind: "value", detail: p.title }));
  if (first === "drug" && done.length === 2) return Object.entries(CLASS_WORDS).map(([label, detail]) => ({ label, kind: "value", detail }));
  if (first === "claim" || first === "visit" || /^\d{5}$|^[A-Z]\d{4}|^\d{4}[FMTUA]$/i.test(first ?? statement.trim())) {
    if (/-\w?$/.test(statement)) return Object.entries(MODIFIERS).map(([label, detail]) => ({ label, kind: "modifier", detail }));
    return codes(model, offset, opts);
  }
  if (first === "inject" && done.length >= 2) {
    const routes = Object.entries(ROUTES).map(([label, detail]) => ({ label, kind: "value" as const, detail }));
    return done.length === 2 ? [...routes, ...drugs(model, offset)] : routes;
  }
  if ((first === "draw" || first === "flush") && done.length === 1) return [{ label: "port", kind: "keyword", detail: VERBS[first] }];
  const last = done[done.length - 1]?.toLowerCase();
  if (first && first in VERBS && (done.length === 1 || last === "with" || last === "+")) return drugs(model, offset);
  if (first === "primary") return [{ label: "hydration", kind: "keyword", detail: "hydration was the reason for the encounter" }, ...drugs(model, offset)];
  if (first && first in VERBS) return clauses(typing ? words[words.length - 1] : "");
  return [];
}

/** After a number, its units; otherwise the clauses an administration line may take. */
function clauses(word: string): CompletionEntry[] {
  const n = /^\d+(?:\.\d+)?$/.exec(word)?.[0];
  if (n) return Object.entries(UNIT_WORDS).map(([u, detail]) => ({ label: `${n}${u}`, kind: "value" as const, detail }));
  return Object.entries(CLAUSES).map(([label, detail]) => ({ label, kind: "keyword" as const, detail }));
}

function drugs(model: DocumentModel, offset: number): CompletionEntry[] {
  const date = model.viewAt(offset)?.result.ctx.date;
  const out: CompletionEntry[] = [];
  for (const d of model.drugs.all()) {
    const hcpcs = codesInForce(d, date).map((c) => c.code).join(", ") || "no HCPCS code";
    for (const name of [d.name, ...d.aliases]) {
      out.push({ label: /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(name) ? name : `"${name}"`, kind: "drug", detail: `${d.class} · ${hcpcs}${name === d.name ? "" : ` · ${d.name}`}`, documentation: CLASS_WORDS[d.class] });
    }
  }
  return out;
}

function codes(model: DocumentModel, offset: number, opts: FeatureOptions): CompletionEntry[] {
  const view = model.viewAt(offset);
  const derived = new Set(opts.exerciseMode ? [] : view?.result.derivation.lines.map((l) => l.code) ?? []);
  const out: CompletionEntry[] = allAdminCodes().map((c) => ({
    label: c.code,
    kind: "code",
    detail: `${derived.has(c.code) ? "derived · " : ""}${c.summary}`,
    documentation: `CMS short descriptor: ${c.descriptor}`,
    sortText: `${derived.has(c.code) ? "0" : "1"}${c.code}`,
  }));
  for (const d of model.drugs.all()) {
    for (const c of codesInForce(d, view?.result.ctx.date)) {
      out.push({ label: c.code, kind: "code", detail: `${derived.has(c.code) ? "derived · " : ""}${d.name}: ${c.descriptor}`, sortText: `${derived.has(c.code) ? "0" : "2"}${c.code}` });
    }
  }
  return out;
}

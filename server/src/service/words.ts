// Shared wording for hovers and completion: settings, modifiers, routes, verbs, drug lines.
import { MODIFIERS as MODIFIER_TABLE } from "../data/modifiers.js";
import type { DrugEntry } from "../data/types.js";
import { codesInForce, formatUnit } from "../engine/catalogue.js";

export const SETTINGS: Record<string, string> = {
  office: "Physician office (POS 11): the initial service is the primary reason for the visit; 96376 is not reportable.",
  hopd: "Hospital outpatient department (POS 22 on campus, POS 19 off campus): CPT's facility hierarchy picks the initial service; 96376 is reportable.",
  home: "Patient's home (POS 12).",
};

/** Hover and completion text of every known modifier: its meaning from the sourced data table. */
export const MODIFIERS: Record<string, string> = Object.fromEntries(
  MODIFIER_TABLE.map((m) => [m.code, `${m.meaning.charAt(0).toUpperCase()}${m.meaning.slice(1)}.`]),
);

export const ROUTES: Record<string, string> = {
  sc: "subcutaneous injection (96372 therapeutic, 96401 chemo, 96402 hormonal)",
  im: "intramuscular injection (96372 therapeutic, 96401 chemo, 96402 hormonal)",
  intralesional: "intralesional chemotherapy (96405)",
  intrathecal: "intrathecal chemotherapy (96450)",
};

export const VERBS: Record<string, string> = {
  push: "IV push: a push whatever its length (CPT definition (a)); over 15 min draws long-push, since the chart must show the clinician continuously present",
  infuse: "IV infusion: 16 min or more; 15 min or less, or no time documented, is coded as a push (CPT definition (b))",
  hydrate: "IV hydration fluid (31 min or more to be reportable)",
  inject: "SC/IM/intralesional/intrathecal injection: give the route",
  pump: "start of a prolonged chemo infusion on a pump (over 8 h): 96416 / G0498",
  refill: "pump refill: portable 96521, implanted 96522",
  flush: "flush port: 96523, only as the sole service",
  draw: "draw port: blood drawn from an implanted venous access device (36591), only when no other service but laboratory tests is given",
  oral: "oral drug, recorded for completeness: never an administration code",
};

/** Clauses of an administration line after its drug (LANGUAGE.md §3), for completion. */
export const CLAUSES: Record<string, string> = {
  with: "with DRUG: running at the same time as that earlier infusion",
  at: "at HH:MM: the start time (add a duration)",
  site: "site N: a separate, medically necessary IV site",
  waste: "waste DOSE: the amount discarded from a single-dose container (waste 0mg: nothing discarded)",
  "+": "+ DRUG [DOSE]: another drug in the same bag or syringe",
};

/** Dose and duration units that may follow a number. */
export const UNIT_WORDS: Record<string, string> = {
  mg: "milligrams", mcg: "micrograms", g: "grams", mL: "millilitres", L: "litres (1 L = 1000 mL)", mEq: "milliequivalents",
  units: "units", "mg/m2": "milligrams per m2 of body surface area (needs bsa)", "mg/kg": "milligrams per kg (needs weight)",
  min: "minutes", h: "hours",
};

export const CLASS_WORDS: Record<string, string> = {
  chemo: "chemotherapy or highly complex drug/biologic (96401-96549)",
  hormonal: "hormonal anti-neoplastic (96402 for SC/IM)",
  therapeutic: "therapeutic drug (96365-96379)",
  fluid: "hydration fluid (96360-96361)",
};

export function drugCodesLine(drug: DrugEntry, date: string | undefined): string {
  const codes = codesInForce(drug, date);
  if (!codes.length) return drug.oral ? "oral: no HCPCS administration line" : "no HCPCS code in force" + (date ? ` on ${date}` : "");
  return codes.map((c) => `${c.code} (${formatUnit(c)})`).join(", ");
}

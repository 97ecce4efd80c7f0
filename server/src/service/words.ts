// Shared wording for hovers and completion: settings, modifiers, routes, verbs, drug lines.
import type { DrugEntry } from "../data/types.js";
import { codesInForce, formatUnit } from "../engine/catalogue.js";

export const SETTINGS: Record<string, string> = {
  office: "Physician office (POS 11): the initial service is the primary reason for the visit; 96376 is not reportable.",
  hopd: "Hospital outpatient department (POS 22 on campus, POS 19 off campus): CPT's facility hierarchy picks the initial service; 96376 is reportable.",
  home: "Patient's home (POS 12).",
};

export const MODIFIERS: Record<string, string> = {
  "59": "Distinct procedural service: only for a service that is truly separate (prefer XE/XP/XS/XU).",
  XE: "Separate encounter on the same date.",
  XP: "Separate practitioner.",
  XS: "Separate structure: a second, medically necessary IV site (allows a second initial code).",
  XU: "Unusual non-overlapping service.",
  JW: "Drug amount discarded/not administered (drug lines only).",
  JZ: "Zero drug amount discarded (drug lines only).",
  "25": "Significant, separately identifiable E/M service on the same day.",
};

export const ROUTES: Record<string, string> = {
  sc: "subcutaneous injection (96372 therapeutic, 96401 chemo, 96402 hormonal)",
  im: "intramuscular injection (96372 therapeutic, 96401 chemo, 96402 hormonal)",
  intralesional: "intralesional chemotherapy (96405)",
  intrathecal: "intrathecal chemotherapy (96450)",
};

export const VERBS: Record<string, string> = {
  push: "IV push (15 min or less; 16 min or more is coded as an infusion)",
  infuse: "IV infusion (16 min or more; 15 min or less is coded as a push)",
  hydrate: "IV hydration fluid (31 min or more to be reportable)",
  inject: "SC/IM/intralesional/intrathecal injection: give the route",
  pump: "start of a prolonged chemo infusion on a pump (over 8 h): 96416 / G0498",
  refill: "pump refill: portable 96521, implanted 96522",
  flush: "flush port: 96523, only as the sole service",
  oral: "oral drug, recorded for completeness: never an administration code",
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

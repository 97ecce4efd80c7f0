// Codes beyond drug administration that the engine recognises (docs/language.md §4 `visit`, `draw port`):
// office/outpatient E/M visits and the OPPS clinic visit (family `em`), blood drawn from an implanted
// port (36591, family `port-draw`), and the laboratory code ranges that 36591 may stand beside.
//
// - `descriptor` is the CMS short descriptor and `opps` the status indicator from OPPS Addendum B,
//   April 2026 (softek/CMS.HCPCS sample.csv 55a5494). CPT descriptors are AMA-copyrighted, so
//   `summary` is always our own wording.
// - OPPS status B ("not recognised by OPPS on a hospital outpatient bill"): hospitals bill G0463
//   for a clinic visit instead of 99202-99215 (status J2 in April 2026).

import type { OppsFact, OppsStatus } from "./types.js";

const ADDB_APR_2026 = "CMS OPPS Addendum B, April 2026 (softek/CMS.HCPCS sample.csv 55a5494)";
const SI = (si: OppsStatus): OppsFact => ({ si, source: ADDB_APR_2026 });

export type OtherCodeFamily = "em" | "port-draw";

export interface OtherCode {
  code: string;
  /** CMS short descriptor (OPPS Addendum B, April 2026), copied exactly. */
  descriptor: string;
  /** Plain-language summary in our own words. */
  summary: string;
  family: OtherCodeFamily;
  /** For E/M: new or established patient; absent for the clinic visit and 36591. */
  patient?: "new" | "established";
  /** Billed by a hospital outpatient department (G0463) rather than by a practitioner. */
  facilityVisit?: boolean;
  opps: OppsFact;
  source: string;
}

const em = (code: string, descriptor: string, patient: "new" | "established", summary: string): OtherCode => ({
  code,
  descriptor,
  summary,
  family: "em",
  patient,
  opps: SI("B"),
  source: `${ADDB_APR_2026}: descriptor and status B; CPT office or other outpatient E/M visit`,
});

export const OTHER_CODES: readonly OtherCode[] = [
  em("99202", "Office o/p new sf 15 min", "new", "Office visit, new patient, straightforward decision making (or 15 minutes or more)."),
  em("99203", "Office o/p new low 30 min", "new", "Office visit, new patient, low-complexity decision making (or 30 minutes or more)."),
  em("99204", "Office o/p new mod 45 min", "new", "Office visit, new patient, moderate-complexity decision making (or 45 minutes or more)."),
  em("99205", "Office o/p new hi 60 min", "new", "Office visit, new patient, high-complexity decision making (or 60 minutes or more)."),
  em("99211", "Off/op est may x req phy/qhp", "established", "Office visit, established patient, that may not need a physician or other qualified practitioner (often a nurse visit)."),
  em("99212", "Office o/p est sf 10 min", "established", "Office visit, established patient, straightforward decision making (or 10 minutes or more)."),
  em("99213", "Office o/p est low 20 min", "established", "Office visit, established patient, low-complexity decision making (or 20 minutes or more)."),
  em("99214", "Office o/p est mod 30 min", "established", "Office visit, established patient, moderate-complexity decision making (or 30 minutes or more)."),
  em("99215", "Office o/p est hi 40 min", "established", "Office visit, established patient, high-complexity decision making (or 40 minutes or more)."),
  {
    code: "G0463",
    descriptor: "Hospital outpt clinic visit",
    summary: "Medicare's code for a hospital outpatient clinic visit (the facility side of an E/M visit).",
    family: "em",
    facilityVisit: true,
    opps: SI("J2"),
    source: `${ADDB_APR_2026}: descriptor and status J2; HCPCS Level II`,
  },
  {
    code: "36591",
    descriptor: "Draw blood off venous device",
    summary: "Drawing a blood sample through a fully implanted venous port (not from a catheter or a vein).",
    family: "port-draw",
    opps: SI("Q1"),
    source: `${ADDB_APR_2026}: descriptor and status Q1 (conditionally packaged); CPT`,
  },
];

/** Laboratory code ranges (inclusive): CPT Pathology and Laboratory, and Proprietary Laboratory Analyses. */
export const LAB_RANGES: readonly { from: string; to: string; source: string }[] = [
  { from: "80047", to: "89398", source: "docs/language.md §7 (codes): CPT Pathology and Laboratory section" },
  { from: "0001U", to: "0999U", source: "docs/language.md §7 (codes): CPT Proprietary Laboratory Analyses (PLA)" },
];

/**
 * 36591 as data: reportable only when nothing but laboratory tests is billed that day; a port flush
 * (96523) in the same visit is part of the draw.
 */
export const PORT_DRAW_RULE = {
  code: "36591",
  /** Only these may stand beside it on the claim. */
  allowedWith: "laboratory" as const,
  /** Included in the draw when done in the same visit. */
  includes: ["96523"] as readonly string[],
  reason: "blood drawn from an implanted port is reportable only when no other service except laboratory tests is billed; a flush in the same visit is part of it",
  source:
    "CPT parenthetical under 36591 (do not report with any other service except a laboratory service), docs/language.md §9; Medlearn general question of 2024-03-04 (36591 used alone); carepatron.com CPT 36591 page (paid only as the sole procedure, Medicare); OPPS status Q1 [ADDB Apr 2026]",
};

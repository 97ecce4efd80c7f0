// Claim-line modifiers as data (LANGUAGE.md §3 MODIFIER, §4 steps 7-8): the known set, what each
// means in an auditor's words, and which ones the NCCI procedure-to-procedure edits accept.
// A modifier outside MODIFIERS draws `unknown-modifier`; every NCCI-associated modifier is known.

export type ModifierGroup = "distinct" | "repeat" | "visit" | "waste" | "340b" | "liability" | "anatomic" | "global-surgery" | "lab";

export interface Modifier {
  code: string;
  /** What it tells the payer, in an auditor's words. */
  meaning: string;
  group: ModifierGroup;
  /** First date of service it may be reported (ISO date), where that matters to a rule. */
  validFrom?: string;
  source: string;
}

const NCCI_CH1 = "NCCI Policy Manual Ch. I (modifiers associated with NCCI), as listed at findacode.com/tools/ncci-edit-modifiers.php, texmed.org (Template.aspx?id=1579) and First Coast \"Tips to prevent CARC CO 236\"";
const X_MODS = "CMS Transmittal 1422 / MLN MM8863, effective 2015-01-01: subsets of modifier 59 (xifin.com billing beat 2014-11-26; icd10monitor.medlearn.com laboratory question 2026-03-30)";
const ABN = "CMS CR 6563 (GA redefined 2010-04-01; medicalbillingcptmodifiers.com, revenuecycleadvisor.com ABN modifiers)";
const JW_JZ = "CMS IOM 100-04 Ch. 17 §40; JW: CR 9603 / MLN MM9603 (required 2017-01-01; Noridian JF JW page); JZ: MLN MM13056, available 2023-01-01, required 2023-07-01 (Noridian JZ page; hhs.gov guidance \"New Claims Modifier Requirement…\", 2023-06-02)";
const B340 = "CY 2018 OPPS final rule CMS-1678-FC; all 340B entities from 2024-01-01 (CMS Part B inflation rebate guidance; essentialhospitals.org 2023-03-21, forvismazars.us 2023-01)";

const anatomic = (codes: string[], what: (c: string) => string): Modifier[] =>
  codes.map((code) => ({ code, meaning: what(code), group: "anatomic", source: NCCI_CH1 }));

const FINGERS: Record<string, string> = {
  FA: "left hand, thumb", F1: "left hand, second digit", F2: "left hand, third digit", F3: "left hand, fourth digit", F4: "left hand, fifth digit",
  F5: "right hand, thumb", F6: "right hand, second digit", F7: "right hand, third digit", F8: "right hand, fourth digit", F9: "right hand, fifth digit",
};
const TOES: Record<string, string> = {
  TA: "left foot, great toe", T1: "left foot, second digit", T2: "left foot, third digit", T3: "left foot, fourth digit", T4: "left foot, fifth digit",
  T5: "right foot, great toe", T6: "right foot, second digit", T7: "right foot, third digit", T8: "right foot, fourth digit", T9: "right foot, fifth digit",
};
const EYELIDS: Record<string, string> = { E1: "upper left eyelid", E2: "lower left eyelid", E3: "upper right eyelid", E4: "lower right eyelid" };
const SIDES_AND_ARTERIES: Record<string, string> = {
  LT: "left side of the body", RT: "right side of the body",
  LC: "left circumflex coronary artery", LD: "left anterior descending coronary artery", LM: "left main coronary artery",
  RC: "right coronary artery", RI: "ramus intermedius coronary artery",
};

export const MODIFIERS: readonly Modifier[] = [
  // ----------------------------------------------------------- distinct services (NCCI bypass)
  { code: "59", meaning: "distinct procedural service: separate session, site, lesion or injury; use only when no X modifier fits", group: "distinct", source: `CPT Appendix A; ${NCCI_CH1}` },
  { code: "XE", meaning: "separate encounter: distinct because it happened in a different encounter the same day", group: "distinct", validFrom: "2015-01-01", source: X_MODS },
  { code: "XP", meaning: "separate practitioner: distinct because a different practitioner performed it", group: "distinct", validFrom: "2015-01-01", source: X_MODS },
  { code: "XS", meaning: "separate structure: distinct because it was on a separate organ or structure (for infusions: a separate, medically necessary IV site)", group: "distinct", validFrom: "2015-01-01", source: X_MODS },
  { code: "XU", meaning: "unusual non-overlapping service: distinct because it does not overlap the usual parts of the main service", group: "distinct", validFrom: "2015-01-01", source: X_MODS },
  { code: "91", meaning: "repeat clinical laboratory test on the same day to obtain a new result", group: "lab", source: `CPT Appendix A; ${NCCI_CH1}` },
  // ----------------------------------------------------------- repeats
  { code: "76", meaning: "repeat procedure or service by the same physician or practitioner the same day", group: "repeat", source: "CPT Appendix A; open-exam-prep.com CCA modifiers table" },
  { code: "77", meaning: "repeat procedure or service by another physician or practitioner the same day", group: "repeat", source: "CPT Appendix A; open-exam-prep.com CCA modifiers table" },
  // ----------------------------------------------------------- visits and global surgery
  { code: "25", meaning: "significant, separately identifiable E/M visit by the same practitioner on the day of a procedure or drug administration", group: "visit", source: `CPT Appendix A; ${NCCI_CH1}; CMS transmittal 2005-10-28 on E/M with drug administration (hhs.gov guidance)` },
  { code: "27", meaning: "multiple hospital outpatient E/M encounters on the same date", group: "visit", source: `CPT Appendix A; ${NCCI_CH1}` },
  { code: "57", meaning: "E/M visit at which the decision for surgery was made", group: "global-surgery", source: `CPT Appendix A; ${NCCI_CH1}` },
  { code: "24", meaning: "unrelated E/M visit by the same practitioner during a postoperative period", group: "global-surgery", source: `CPT Appendix A; ${NCCI_CH1}` },
  { code: "58", meaning: "staged or related procedure by the same practitioner during the postoperative period", group: "global-surgery", source: `CPT Appendix A; ${NCCI_CH1}` },
  { code: "78", meaning: "unplanned return to the operating room for a related procedure during the postoperative period", group: "global-surgery", source: `CPT Appendix A; ${NCCI_CH1}` },
  { code: "79", meaning: "unrelated procedure by the same practitioner during the postoperative period", group: "global-surgery", source: `CPT Appendix A; ${NCCI_CH1}` },
  // ----------------------------------------------------------- drug waste
  { code: "JW", meaning: "drug amount discarded, not given to any patient, from a single-dose container (reported on its own line with the discarded units)", group: "waste", validFrom: "2017-01-01", source: JW_JZ },
  { code: "JZ", meaning: "zero drug amount discarded from a single-dose container (attests nothing was wasted)", group: "waste", validFrom: "2023-01-01", source: JW_JZ },
  // ----------------------------------------------------------- 340B
  { code: "JG", meaning: "drug acquired with a 340B discount (most 340B hospitals and grantees)", group: "340b", validFrom: "2018-01-01", source: B340 },
  { code: "TB", meaning: "drug acquired with a 340B discount, reported for information (rural sole community, children's and cancer hospitals, and others CMS names)", group: "340b", validFrom: "2018-01-01", source: B340 },
  // ----------------------------------------------------------- liability
  { code: "GA", meaning: "waiver of liability (ABN) issued as the payer requires: the patient may be billed if the line is denied", group: "liability", source: ABN },
  { code: "GY", meaning: "item or service statutorily excluded or not a Medicare benefit: expected to be denied", group: "liability", source: ABN },
  { code: "GZ", meaning: "expected to be denied as not reasonable and necessary, and no ABN was given: the provider is liable", group: "liability", source: ABN },
  { code: "KX", meaning: "the requirements in the payer's medical policy are met and documented", group: "liability", source: "HCPCS Level II descriptor \"Requirements specified in the medical policy have been met\": WPS Medicare J5 Part B modifier KX fact sheet (wpsmedicare.com), CMS IOM 100-04 Ch. 5 §10.3" },
  // ----------------------------------------------------------- anatomic (NCCI bypass)
  ...anatomic(Object.keys(EYELIDS), (c) => EYELIDS[c]),
  ...anatomic(Object.keys(FINGERS), (c) => FINGERS[c]),
  ...anatomic(Object.keys(TOES), (c) => TOES[c]),
  ...anatomic(Object.keys(SIDES_AND_ARTERIES), (c) => SIDES_AND_ARTERIES[c]),
];

/**
 * Modifiers that bypass an NCCI PTP edit with modifier indicator 1 (LANGUAGE.md §4 step 8).
 * Source: NCCI Policy Manual for Medicare Services, Ch. I, "Modifiers and Modifier Indicators", as
 * listed at findacode.com/tools/ncci-edit-modifiers.php and by First Coast, "Tips to prevent CARC
 * CO 236" (medicare-prod.fcso.com/claims/denials-tips/co-236). The PTP rule (ncci/check.ts) reads
 * this list through catalogue.ts `isNcciModifier`.
 */
export const NCCI_ASSOCIATED_MODIFIERS: readonly string[] = [
  "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
  "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
  "LT", "RT", "LC", "LD", "LM", "RC", "RI",
  "24", "25", "27", "57", "58", "59", "78", "79", "91", "XE", "XP", "XS", "XU",
];

// Types of the reference data: the code catalogue, the drug table and payer profiles.
// Data files hold values only; the engine reads them, it never branches on a drug or code name.

/** chemo = chemotherapy or highly complex drug/biologic; hormonal = hormonal anti-neoplastic. */
export type DrugClass = "chemo" | "hormonal" | "therapeutic" | "fluid";

export type DoseUnit = "mg" | "mcg" | "g" | "mL" | "mEq" | "units";

/** A HCPCS billing unit: "per 10 mg" (upTo false) or "up to 50 mg" (upTo true). */
export interface BillingUnit {
  amount: number;
  unit: DoseUnit;
  upTo?: boolean;
}

/**
 * Medicare OPPS status indicator as printed in Addendum B (for example G and K: separately paid
 * drugs; N: packaged; S, T, Q1: procedures; B: not recognised by OPPS on a hospital bill; J2: clinic visit).
 */
export type OppsStatus =
  | "A" | "B" | "C" | "D" | "E1" | "E2" | "F" | "G" | "H" | "J1" | "J2" | "K" | "K1" | "K2" | "L" | "M"
  | "N" | "P" | "Q1" | "Q2" | "Q3" | "Q4" | "R" | "S" | "T" | "U" | "V" | "X" | "Y";

/** A status indicator with the Addendum B quarter it was read from. */
export interface OppsFact {
  si: OppsStatus;
  source: string;
}

/**
 * The container the product comes in: single-dose (JW/JZ apply), multiple-dose, or mixed
 * (some strengths single-dose, some not: the engine cannot tell which was used).
 */
export type ContainerKind = "single" | "multiple" | "mixed";

export interface ContainerFact {
  kind: ContainerKind;
  source: string;
}

export interface HcpcsCode {
  code: string;
  unit: BillingUnit;
  /** CMS short descriptor, or our own short wording where CMS has none. */
  descriptor: string;
  /** First day in force (ISO date, inclusive); absent = in force before any date we check. */
  from?: string;
  /** Last day in force (ISO date, inclusive); absent = still in force. */
  until?: string;
  /**
   * false: a product-specific or biosimilar code that is accepted on a claim for this drug
   * but never derived from the generic name.
   */
  derive?: boolean;
  source: string;
  /** Single- or multiple-dose container; absent when no source was found (then nothing is required). */
  container?: ContainerFact;
  /** OPPS status indicator (hospital outpatient); absent when the code is not in Addendum B. */
  opps?: OppsFact;
}

/**
 * A product of its own: a biosimilar (its own Q-code) or a branded product with its own HCPCS code.
 * It takes its reference drug's class; documenting it means billing its own code.
 */
export interface ProductInfo {
  /** Generic name of the reference entry in the drug table (the molecule): "rituximab". */
  of: string;
  kind: "biosimilar" | "product";
  /** Nonproprietary name with its FDA suffix, when there is one: "rituximab-abbs". */
  nonproprietary?: string;
}

export interface DrugEntry {
  /** Generic name as shown to users. */
  name: string;
  /** Brand names and other spellings. Matching ignores case, spaces, hyphens, underscores, apostrophes. */
  aliases: string[];
  class: DrugClass;
  codes: HcpcsCode[];
  /** Given by mouth only (no administration code ever applies). */
  oral?: boolean;
  /** Why this class, in an auditor's words (e.g. "anti-emetic: not chemotherapy administration, CMS CR 3631"). */
  note?: string;
  /** Present for a product of its own (biosimilar or branded product); absent for a generic name. */
  product?: ProductInfo;
  source: string;
}

/** hydration 96360-96361, therapeutic 96365-96379, chemo 96401-96549 and G0498. */
export type CodeFamily = "hydration" | "therapeutic" | "chemo";

export type CodeKind =
  | "hydration"
  | "infusion"
  | "push"
  | "injection"
  | "intralesional"
  | "intrathecal"
  | "pump"
  | "refill"
  | "flush"
  | "other";

/**
 * How the code relates to the encounter's initial service:
 * initial (one per encounter), hour (each additional hour), sequential, concurrent,
 * new-drug / same-drug (additional pushes), standalone (reported on its own: injections, pumps...).
 */
export type CodeRole = "initial" | "hour" | "sequential" | "concurrent" | "new-drug" | "same-drug" | "standalone";

export interface AdminCode {
  code: string;
  /** CMS short descriptor (OPPS Addendum B, April 2026). */
  descriptor: string;
  /** Plain-language summary in our own words. */
  summary: string;
  family: CodeFamily;
  kind: CodeKind;
  role: CodeRole;
  addOn: boolean;
  /** For add-ons: the codes it may be reported with. */
  primaries: string[];
  /** The time rule in words, where one applies. */
  time?: string;
  facilityOnly?: boolean;
  oncePerEncounter?: boolean;
  /** Medicare OPPS status indicator (Addendum B, April 2026). */
  opps?: OppsStatus;
  /** true for codes this engine derives or checks in depth; false for codes it only recognises. */
  derived: boolean;
  source: string;
}

export type SettingName = "office" | "hopd" | "home";

/** A payer profile: data that changes a derived code or adds warnings (rule `payer-edit`). */
export interface PayerProfile {
  id: string;
  /** Names accepted after `payer` (case-insensitive). */
  names: string[];
  title: string;
  source: string;
  /** Replace a derived code under conditions (e.g. Medicare G0498 for a clinic-supplied portable pump). */
  substitutions?: PayerSubstitution[];
  /** Extra warnings. */
  edits?: PayerEdit[];
  /** Drug-waste modifiers JW/JZ on single-dose-container drug lines (LANGUAGE.md §4 step 7). */
  wasteModifiers?: WasteModifierPolicy;
  /** E/M codes this payer does not pay beside a drug administration code (LANGUAGE.md §4 step 6). */
  emBundling?: EmBundling[];
}

/** When this payer requires JW (waste discarded) and JZ (no waste) on single-dose drug lines. */
export interface WasteModifierPolicy {
  settings: SettingName[];
  /** First date of service on which JW is required for discarded drug. */
  jwFrom: string;
  jwSource: string;
  /** First date of service on which JZ is required on a line with no waste. */
  jzFrom: string;
  jzSource: string;
  /**
   * In hopd only drugs OPPS pays separately need either modifier: these status indicators
   * (packaged drugs, N, need neither).
   */
  hopdSeparatelyPaid: OppsStatus[];
  hopdSource: string;
}

/** An E/M code not paid beside drug administration, with or without modifier 25. */
export interface EmBundling {
  code: string;
  settings: SettingName[];
  reason: string;
  source: string;
}

export interface PayerSubstitution {
  code: string;
  use: string;
  settings?: SettingName[];
  /** Only for pumps: portable (clinic-supplied) or implanted. */
  pump?: "portable" | "implanted";
  /** Only for a drug billed under one of these HCPCS codes (IBX: 96372 for leuprolide J1950). */
  drugCodes?: string[];
  reason: string;
  source: string;
}

export interface PayerEdit {
  id: string;
  /** Fires when the claim (or, with `derived`, the derived claim) contains this code... */
  code?: string;
  /** ...and any of these codes. */
  withAny?: string[];
  /** ...and the claimed units exceed this. */
  maxUnits?: number;
  settings?: SettingName[];
  severity?: "error" | "warning" | "info";
  message: string;
  source: string;
}

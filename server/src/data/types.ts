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
  /** Medicare OPPS status indicator. */
  opps?: "S" | "Q1" | "N";
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
}

export interface PayerSubstitution {
  code: string;
  use: string;
  settings?: SettingName[];
  /** Only for pumps: portable (clinic-supplied) or implanted. */
  pump?: "portable" | "implanted";
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

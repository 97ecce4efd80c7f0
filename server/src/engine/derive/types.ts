// The shapes of a derivation: the services read from the chart, the lines the claim should carry,
// the "shadows" (codes that would be wrong to claim) and the state the passes hand on.
import type { CodeRole, DrugEntry, PayerProfile, SettingName } from "../../data/types.js";
import type { Administration, Dose, DrugRef, EncounterNode, Span } from "../../language/ast.js";
import type { DrugTable } from "../catalogue.js";
import type { Finding, makeFinding } from "../finding.js";

export type Category =
  | "chemo-infusion" | "chemo-push" | "infusion" | "push" | "hydration"
  | "injection" | "pump" | "refill" | "flush" | "draw" | "oral" | "none";

/** Facility hierarchy rank (CPT): lower wins. */
export const RANK: Partial<Record<Category, number>> = { "chemo-infusion": 0, "chemo-push": 1, infusion: 2, push: 3, hydration: 4 };

export const CATEGORY_WORDS: Record<Category, string> = {
  "chemo-infusion": "chemotherapy infusion",
  "chemo-push": "chemotherapy push",
  infusion: "non-chemo infusion",
  push: "non-chemo push",
  hydration: "hydration",
  injection: "injection",
  pump: "prolonged infusion pump start",
  refill: "pump refill",
  flush: "port flush",
  draw: "blood draw from the port",
  oral: "oral drug",
  none: "line flush",
};

export interface EncounterContext {
  setting?: SettingName;
  payer?: PayerProfile;
  date?: string;
  bsa?: number;
  weight?: number;
  primary?: DrugRef;
  /** Why derive set an office's `primary` aside for the hierarchy (it would orphan an add-on). */
  primarySetAside?: string;
  drugs: DrugTable;
}

/** One drug of an administration: the verb's drug or a `+ DRUG` in the same bag, with its dose and waste. */
export interface DrugPortion {
  drug?: DrugEntry;
  ref?: DrugRef;
  dose?: Dose;
  /** `waste DOSE` written for this drug; undefined when no waste clause was written. */
  waste?: Dose;
}

export interface Service {
  index: number;
  admin: Administration;
  drug?: DrugEntry;
  /** The verb's drug first, then each `+ DRUG` (LANGUAGE.md §3): one drug line each. */
  portions: DrugPortion[];
  /** Display name: the table's generic name when known, else as written. */
  drugName: string;
  /** Identity for same-drug rules: the generic name when known, else the written key. */
  drugKey: string;
  category: Category;
  minutes?: number;
  start?: number;
  end?: number;
  site: number;
  /** Why it was classified this way, in words. */
  classification: string;
  /** Services it ran at the same time with (infusion-like only). */
  concurrent: Service[];
  /** The codes it gave rise to, or why none. */
  outcome: string[];
  /** Set when a documented service is not separately reportable (hydration too short or concurrent). */
  notReportable?: string;
}

export interface ExpectedLine {
  code: string;
  units: number;
  modifiers: string[];
  admins: number[];
  /** Role for pairing with claimed codes; secondary hydration (96361) counts as sequential. */
  role: CodeRole;
  /** Administration code, HCPCS drug line, E/M visit (`visit CODE`) or port draw (36591). */
  kind: "admin" | "drug" | "visit" | "port-draw";
  /** For a visit line: the index of its `visit` statement in the encounter. */
  visit?: number;
  drug?: string;
  reason: string;
  /** When several services earn units of one line: each one's units and reason, in coding order. */
  parts?: { units: number; reason: string }[];
  /** The CPT code the payer's substitution replaced (the claim's CPT code is then a payer edit). */
  payerFor?: string;
  order: number;
  /** Drug lines: what the waste modifiers should be (set by the drug-waste pass). */
  waste?: WasteDecision;
}

/** A code that would be wrong to claim for a documented service, and the rule that says so. */
export interface Shadow {
  /** "*" stands for any administration code of the service's family (oral drugs, line flushes). */
  code: string;
  rule: string;
  admin: number;
  reason: string;
}

/** A documented E/M visit or port draw that is not reportable here, and the rule a claimed one meets. */
export interface Withheld {
  code: string;
  rule: "em-bundled" | "not-reportable";
  reason: string;
  /** The `visit` or `draw port` line that documents it. */
  span: Span;
}

export interface DocumentedDrug {
  drug: DrugEntry;
  admins: number[];
  /** Each administration's portion of this drug (the verb's drug or a `+ DRUG`), in the order written. */
  portions: DrugPortion[];
  /** Total dose in a billing code's unit (`units.get(code)`), undefined when not computable. */
  units: { get(code: string): number | undefined };
  total?: { value: number; unit: string };
  /** Total documented waste in a billing code's unit (0 when none is written), undefined when not computable. */
  wasted: { get(code: string): number | undefined };
  /** Administrations of this drug written without a `waste` clause. */
  unstatedWaste: number[];
}

/**
 * The drug-waste decision for one drug line (LANGUAGE.md §4 step 7), kept for the claim check and
 * the explanations: what the payer requires, why, and the JW arithmetic.
 */
export interface WasteDecision {
  /** The payer requires JW/JZ on this line (single-dose container, separately paid in hopd, in force on the date). */
  required: boolean;
  container?: "single" | "multiple" | "mixed";
  /** Units of the JW line (0: none). */
  jwUnits: number;
  /** JZ belongs on the administered line. */
  jz: boolean;
  /** The decision in an auditor's words: container, status indicator, arithmetic. */
  why: string;
}

export interface Derivation {
  services: Service[];
  lines: ExpectedLine[];
  /** Lines that depend on an unstated setting: neither missing nor unsupported. */
  optional: ExpectedLine[];
  shadows: Shadow[];
  /** E/M visits and port draws documented but not reportable (99211 bundled, 36591 beside other services). */
  withheld: Withheld[];
  drugs: Map<string, DocumentedDrug>;
  initials: Service[];
  findings: Finding[];
  notes: string[];
}

/**
 * What flows through the passes: the derivation being built plus the intermediate results one
 * pass leaves for the next (time order, counted hydration minutes, the initial service).
 */
export interface DerivationState extends Derivation {
  readonly enc: EncounterNode;
  readonly ctx: EncounterContext;
  /** Services in documented time order when every one has a time; otherwise as listed. */
  chronological: Service[];
  /** Counted hydration minutes per IV site (LANGUAGE.md §4 step 1). */
  hydrationMinutes: ReadonlyMap<number, number>;
  /** How each site's hydration minutes were counted, in words. */
  hydrationWhy: ReadonlyMap<number, string>;
  /** The initial service of the encounter (initials[0] when set). */
  main?: Service;
  /** Why `main` is the initial service, in words. */
  initialWhy: string;
  /** Next tie-breaker for the order of administration lines on the claim. */
  nextOrder: number;
  /** Add-ons left off because none of their primary codes is derived, first dropped first. */
  droppedAddOns: ExpectedLine[];
}

export type FindingExtra = Parameters<typeof makeFinding>[4];

export const isFacility = (s?: SettingName) => s === "hopd";
export const infusionLike = (c: Category) => c === "chemo-infusion" || c === "infusion" || c === "hydration" || c === "pump";

/** A service that is one of the IV services ranked by the hierarchy (push, infusion, hydration). */
export const isRanked = (s: Service) => RANK[s.category] !== undefined;

// Lookups over the reference data: administration codes, the drug table (with the file's own
// `drug` declarations and any extra tables), billing-unit arithmetic and code-in-force by date.
import { ADMIN_CODES, NONEXISTENT_CODES } from "../data/codes.js";
import { DRUGS } from "../data/drugs.js";
import { MODIFIERS, NCCI_ASSOCIATED_MODIFIERS, type Modifier } from "../data/modifiers.js";
import { LAB_RANGES, OTHER_CODES, PORT_DRAW_RULE, type OtherCode } from "../data/other-codes.js";
import type { AdminCode, ContainerFact, DoseUnit, DrugEntry, EmBundling, HcpcsCode, OppsStatus, PayerProfile, SettingName } from "../data/types.js";
import type { DoseForm, DrugDeclaration } from "../language/ast.js";
import { normalizeName } from "../language/names.js";

const ADMIN_BY_CODE = new Map(ADMIN_CODES.map((c) => [c.code, c]));
const NONEXISTENT = new Set<string>(NONEXISTENT_CODES);

export const adminCode = (code: string): AdminCode | undefined => ADMIN_BY_CODE.get(code);
export const isNonexistentCode = (code: string) => NONEXISTENT.has(code);
export const allAdminCodes = (): readonly AdminCode[] => ADMIN_CODES;

export interface DrugCode {
  drug: DrugEntry;
  code: HcpcsCode;
}

export class DrugTable {
  private readonly names = new Map<string, DrugEntry>();
  private readonly codes = new Map<string, DrugCode>();

  constructor(readonly entries: readonly DrugEntry[], base?: DrugTable) {
    if (base) {
      for (const [k, v] of base.names) this.names.set(k, v);
      for (const [k, v] of base.codes) this.codes.set(k, v);
    }
    for (const drug of entries) {
      for (const n of [drug.name, ...drug.aliases]) this.names.set(normalizeName(n), drug);
      for (const code of drug.codes) this.codes.set(code.code, { drug, code });
    }
  }

  byName(key: string): DrugEntry | undefined {
    return this.names.get(key);
  }

  byCode(code: string): DrugCode | undefined {
    return this.codes.get(code);
  }

  /** Every drug, for completion and docs. */
  all(): DrugEntry[] {
    return [...new Set(this.names.values())];
  }

  /**
   * The product a documented name means, with the codes that may be derived for it on `date`:
   * a biosimilar's own Q-code, a generic's reference (or not-otherwise-specified) code.
   */
  product(key: string, date: string | undefined): ProductLookup | undefined {
    const drug = this.byName(key);
    return drug && { drug, molecule: moleculeOf(drug), codes: codesInForce(drug, date).filter((c) => c.derive !== false) };
  }

  /** The product a claimed HCPCS drug code belongs to. */
  productOfCode(code: string): DrugEntry | undefined {
    return this.byCode(code)?.drug;
  }
}

export interface ProductLookup {
  drug: DrugEntry;
  /** The molecule (normalised generic name): the same for a reference product and its biosimilars. */
  molecule: string;
  /** Codes in force that derivation may pick from (LANGUAGE.md §3: only among one product's codes). */
  codes: HcpcsCode[];
}

/** The molecule a drug entry stands for: a product's reference generic, else its own name. */
export const moleculeOf = (drug: DrugEntry): string => normalizeName(drug.product?.of ?? drug.name);

/**
 * `wrong-product-code` (LANGUAGE.md §5): the claimed code belongs to another product of the same
 * molecule as the documented drug (J9312 billed for Truxima, Q5115 billed for rituximab). Returns
 * the product the code belongs to, or undefined when the code is the drug's own or another molecule's.
 */
export function wrongProductCode(drugs: DrugTable, documented: DrugEntry, claimedCode: string): DrugCode | undefined {
  const billed = drugs.byCode(claimedCode);
  if (!billed || billed.drug === documented) return undefined;
  return moleculeOf(billed.drug) === moleculeOf(documented) ? billed : undefined;
}

export const BUILTIN_DRUGS = new DrugTable(DRUGS);

/** The drug table as one file sees it: its `drug` declarations win over the built-in table. */
export function withDeclarations(base: DrugTable, decls: readonly DrugDeclaration[]): DrugTable {
  if (!decls.length) return base;
  return new DrugTable(decls.map(declarationEntry), base);
}

export function declarationEntry(d: DrugDeclaration): DrugEntry {
  const codes: HcpcsCode[] = [];
  if (d.hcpcs) {
    const per = d.per && (d.per.unit === "mg/m2" || d.per.unit === "mg/kg") ? undefined : d.per;
    codes.push({
      code: d.hcpcs.value,
      // Without `per` the code is known but its units cannot be checked (amount 0).
      unit: per ? { amount: per.value, unit: per.unit as DoseUnit } : { amount: 0, unit: "mg" },
      descriptor: "declared in this file",
      source: "drug declaration in this file",
    });
  }
  return { name: d.name.text, aliases: [], class: d.drugClass.value, codes, source: "drug declaration in this file" };
}

export function inForce(code: HcpcsCode, date: string | undefined): boolean {
  if (!date) return !code.until;
  return (!code.from || code.from <= date) && (!code.until || date <= code.until);
}

/** The codes a claim may carry for this drug on this date. */
export const codesInForce = (drug: DrugEntry, date: string | undefined) => drug.codes.filter((c) => inForce(c, date));

const MASS: Partial<Record<DoseUnit, number>> = { mcg: 0.001, mg: 1, g: 1000 };

export interface BodySize {
  bsa?: number;
  weight?: number;
}

/** A dose in the billing unit's unit, or undefined when it cannot be converted. */
export function convertDose(value: number, form: DoseForm, to: DoseUnit, body: BodySize): number | undefined {
  let unit: DoseUnit;
  if (form === "mg/m2") {
    if (!body.bsa) return undefined;
    value *= body.bsa;
    unit = "mg";
  } else if (form === "mg/kg") {
    if (!body.weight) return undefined;
    value *= body.weight;
    unit = "mg";
  } else unit = form;
  if (unit === to) return value;
  const a = MASS[unit];
  const b = MASS[to];
  return a !== undefined && b !== undefined ? (value * a) / b : undefined;
}

/** HCPCS units: the dose divided by the billing unit, rounded up ("per X" and "up to X" alike). */
export function billingUnits(amount: number, code: HcpcsCode): number | undefined {
  if (!(code.unit.amount > 0)) return undefined;
  return Math.max(1, Math.ceil(amount / code.unit.amount - 1e-9));
}

export function formatUnit(code: HcpcsCode): string {
  if (!(code.unit.amount > 0)) return "billing unit not declared";
  return `${code.unit.upTo ? "up to" : "per"} ${code.unit.amount} ${code.unit.unit}`;
}

// ------------------------------------------------------------------ containers and OPPS status

/** The container of the product a HCPCS drug code bills; undefined when no source was found. */
export const containerOf = (code: string, drugs: DrugTable = BUILTIN_DRUGS): ContainerFact | undefined => drugs.byCode(code)?.code.container;

const OTHER_BY_CODE = new Map(OTHER_CODES.map((c) => [c.code, c]));

/** The Medicare OPPS status indicator of any catalogued code (administration, drug, E/M, 36591). */
export function oppsStatus(code: string, drugs: DrugTable = BUILTIN_DRUGS): OppsStatus | undefined {
  return adminCode(code)?.opps ?? OTHER_BY_CODE.get(code)?.opps.si ?? drugs.byCode(code)?.code.opps?.si;
}

// ------------------------------------------------------------------ E/M visits, port draws, labs

/** E/M visit codes (99202-99205, 99211-99215, G0463) and 36591, with descriptors and OPPS status. */
export const otherCode = (code: string): OtherCode | undefined => OTHER_BY_CODE.get(code);
export const isEmCode = (code: string): boolean => OTHER_BY_CODE.get(code)?.family === "em";
export const portDrawRule = () => PORT_DRAW_RULE;

/** A laboratory code (CPT 80047-89398, PLA 0001U-0999U): the only company 36591 may keep. */
export function isLabCode(code: string): boolean {
  return LAB_RANGES.some((r) => codeShape(code) === codeShape(r.from) && r.from <= code && code <= r.to);
}

/** Five digits (CPT) or four digits and U (PLA): ranges compare as text only within one shape. */
const codeShape = (code: string) => (/^\d{5}$/.test(code) ? "cpt" : /^\d{4}U$/.test(code) ? "pla" : "other");

// ------------------------------------------------------------------ modifiers

const MODIFIER_BY_CODE = new Map(MODIFIERS.map((m) => [m.code, m]));
const NCCI_MODIFIERS = new Set(NCCI_ASSOCIATED_MODIFIERS);

export const modifierInfo = (code: string): Modifier | undefined => MODIFIER_BY_CODE.get(code.toUpperCase());
export const isKnownModifier = (code: string): boolean => MODIFIER_BY_CODE.has(code.toUpperCase());
/** Bypasses an NCCI PTP edit with modifier indicator 1. */
export const isNcciModifier = (code: string): boolean => NCCI_MODIFIERS.has(code.toUpperCase());

/** False when the modifier did not exist yet on the date of service (JZ before 2023-01-01). */
export function modifierValidOn(code: string, date: string | undefined): boolean {
  const from = modifierInfo(code)?.validFrom;
  return !date || !from || from <= date;
}

// ------------------------------------------------------------------ payer rules

export interface WasteRequirement {
  /** A single-dose line with billable waste needs a JW line. */
  jw: boolean;
  /** A single-dose line with nothing discarded needs JZ. */
  jz: boolean;
  /** Why, for messages: the payer policy's sources. */
  source: string;
}

/**
 * What a payer requires on the drug line of a single-dose-container code (LANGUAGE.md §4 step 7).
 * `setting` undefined is coded like an office (ARCHITECTURE.md); `date` undefined follows the newest
 * rules; in hopd only status indicators the profile lists as separately paid need a modifier.
 * Undefined: the payer requires nothing here.
 */
export function wasteRequirement(
  payer: PayerProfile | undefined,
  setting: SettingName | undefined,
  date: string | undefined,
  opps: OppsStatus | undefined,
): WasteRequirement | undefined {
  const w = payer?.wasteModifiers;
  if (!w || !w.settings.includes(setting ?? "office")) return undefined;
  if (setting === "hopd" && !(opps && w.hopdSeparatelyPaid.includes(opps))) return undefined;
  const jw = !date || w.jwFrom <= date;
  const jz = !date || w.jzFrom <= date;
  if (!jw && !jz) return undefined;
  return { jw, jz, source: [jw ? w.jwSource : "", jz ? w.jzSource : "", setting === "hopd" ? w.hopdSource : ""].filter(Boolean).join("; ") };
}

/** The payer's rule that an E/M code is not paid beside drug administration in this setting (99211 for Medicare in an office). */
export function emBundling(payer: PayerProfile | undefined, setting: SettingName | undefined, code: string): EmBundling | undefined {
  return payer?.emBundling?.find((b) => b.code === code && b.settings.includes(setting ?? "office"));
}

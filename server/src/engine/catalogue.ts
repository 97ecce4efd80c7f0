// Lookups over the reference data: administration codes, the drug table (with the file's own
// `drug` declarations and any extra tables), billing-unit arithmetic and code-in-force by date.
import { ADMIN_CODES, NONEXISTENT_CODES } from "../data/codes.js";
import { DRUGS } from "../data/drugs.js";
import type { AdminCode, DoseUnit, DrugEntry, HcpcsCode } from "../data/types.js";
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
      descriptor: `declared in this file: ${d.name.text}`,
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

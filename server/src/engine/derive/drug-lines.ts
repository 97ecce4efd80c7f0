// Pass "drug lines". Reads: the services with a known drug (not oral), their doses, BSA/weight and
// the date of service. Adds: each documented drug's total dose in every billing code's unit, and a
// HCPCS line per drug: the code in force that bills the dose in the fewest units.
import type { DoseUnit, DrugEntry, HcpcsCode } from "../../data/types.js";
import { NONE } from "../../language/empty-list.js";
import { billingUnits, convertDose, inForce } from "../catalogue.js";
import type { DerivationState, DocumentedDrug, DrugPortion, EncounterContext, ExpectedLine, Service, WasteDecision } from "./types.js";

export function deriveDrugLines(st: DerivationState) {
  st.drugs = documentedDrugs(st.services, st.ctx);
  drugLines(st.drugs, st.ctx, st.lines);
}

function documentedDrugs(services: Service[], ctx: EncounterContext): Map<string, DocumentedDrug> {
  const out = new Map<string, DocumentedDrug>();
  for (const s of services) {
    if (s.category === "oral" || s.admin.verb === "oral") continue;
    // The verb's drug and each `+ DRUG` of the bag: one drug line each (LANGUAGE.md §3).
    for (const p of s.portions) {
      if (!p.drug) continue;
      const key = p.drug.name.toLowerCase();
      const d = out.get(key);
      if (d) {
        if (!d.admins.includes(s.index)) d.admins.push(s.index);
        if (!p.waste) d.unstatedWaste.push(s.index);
        d.portions.push(p);
        continue;
      }
      // Lists made with their first item: most drugs are given once, and a push onto an empty
      // list reserves room for sixteen more.
      const portions = [p];
      out.set(key, { drug: p.drug, admins: [s.index], portions, units: new DoseTotals(p.drug, portions, "dose", ctx), wasted: new DoseTotals(p.drug, portions, "waste", ctx, 0), unstatedWaste: p.waste ? [] : [s.index] });
    }
  }
  for (const d of out.values()) {
    const first = d.portions[0].dose;
    if (first && d.portions.every((p) => p.dose?.unit === first.unit)) d.total = { value: d.portions.reduce((n, p) => n + p.dose!.value, 0), unit: first.unit };
  }
  return out;
}

/**
 * A drug's doses (or wastes) added up in one of its billing codes' unit, worked out when read:
 * most drugs are read in one code's unit only, and a Map of every code's total for every drug of
 * every encounter was among the larger things the derivation allocated.
 */
class DoseTotals {
  constructor(
    private readonly drug: DrugEntry,
    private readonly portions: readonly DrugPortion[],
    private readonly which: "dose" | "waste",
    private readonly ctx: EncounterContext,
    /** What a portion without a dose (or waste) counts as; undefined: the total is unknown. */
    private readonly missing?: number,
  ) {}

  /** The total in `code`'s billing unit; undefined when not computable or `code` is not this drug's. */
  get(code: string): number | undefined {
    let unit: DoseUnit | undefined;
    for (const c of this.drug.codes) if (c.code === code) unit = c.unit.unit; // the last entry of a code, as a table by code keeps it
    return unit && sumDoses(this.portions, this.which, unit, this.ctx, this.missing);
  }
}

/** The portions' doses (or wastes) added up in `unit`; a missing one counts as `missing` (undefined: the sum is unknown). */
function sumDoses(list: readonly DrugPortion[], which: "dose" | "waste", unit: DoseUnit, ctx: EncounterContext, missing?: number): number | undefined {
  let total: number | undefined = 0;
  for (const p of list) {
    const dose = p[which];
    const v = dose ? convertDose(dose.value, dose.unit, unit, ctx) : missing;
    total = v === undefined || total === undefined ? undefined : total + v;
  }
  return total;
}

/** The code in force that bills the dose in the fewest units (the smaller strength on a tie). */
export function pickDrugCode(d: DocumentedDrug, date: string | undefined): { code: HcpcsCode; units: number } | undefined {
  let best: HcpcsCode | undefined;
  let bestUnits = 0;
  for (const code of d.drug.codes) {
    if (code.derive === false || !inForce(code, date)) continue;
    const amount = d.units.get(code.code);
    const units = amount === undefined ? undefined : billingUnits(amount, code);
    if (units === undefined) continue;
    if (!best || units < bestUnits || (units === bestUnits && code.unit.amount < best.unit.amount)) {
      best = code;
      bestUnits = units;
    }
  }
  return best && { code: best, units: bestUnits };
}

/** Adds a HCPCS line per drug to `lines`. */
function drugLines(drugs: Map<string, DocumentedDrug>, ctx: EncounterContext, lines: ExpectedLine[]) {
  for (const d of drugs.values()) {
    const pick = pickDrugCode(d, ctx.date);
    if (pick) lines.push(new DrugLine(d, pick.code, pick.units, ctx));
  }
}

/**
 * A drug's HCPCS line. Its reason, the dose arithmetic (and where the payer has waste rules, the
 * JW/JZ decision of the drug-waste pass), is worded when read: findings, explanations and hovers
 * read it, a lint report does not (measured: 0.7 KB of the 28 KB allocated per encounter). What
 * it is worded from is kept in private fields, so copies of a line see only the line.
 */
class DrugLine implements ExpectedLine {
  readonly code: string;
  modifiers: string[] = NONE; // replaced, never added to, by the drug-waste pass (JZ)
  readonly admins: number[];
  readonly role = "standalone";
  readonly kind = "drug";
  readonly drug: string;
  order = 0;
  waste?: WasteDecision;
  readonly #billing: HcpcsCode;
  readonly #doc: DocumentedDrug;
  readonly #ctx: EncounterContext;

  constructor(d: DocumentedDrug, billing: HcpcsCode, readonly units: number, ctx: EncounterContext) {
    this.code = billing.code;
    this.admins = d.admins;
    this.drug = d.drug.name;
    this.#billing = billing;
    this.#doc = d;
    this.#ctx = ctx;
  }

  get reason(): string {
    const { unit } = this.#billing;
    const { units, waste } = this;
    const date = this.#ctx.date;
    const dose = `${this.drug} ${formatAmount(this.#doc.units.get(this.code)!)} ${unit.unit} ÷ ${unit.upTo ? "up to " : ""}${unit.amount} ${unit.unit} per unit = ${units} unit${units === 1 ? "" : "s"} (rounded up)${date ? `; code in force on ${date}` : "; newest code set (no date of service given)"}`;
    // Explanations show the waste decision where the payer has waste rules (elsewhere nothing is required).
    if (!waste || !this.#ctx.payer?.wasteModifiers) return dose;
    return `${dose}${waste.jwUnits > 0 ? "; the units given: the discarded amount is billed on the JW line" : `; ${waste.why}`}`;
  }
}

export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

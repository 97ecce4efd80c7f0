// Pass "drug lines". Reads: the services with a known drug (not oral), their doses, BSA/weight and
// the date of service. Adds: each documented drug's total dose in every billing code's unit, and a
// HCPCS line per drug: the code in force that bills the dose in the fewest units.
import type { DoseUnit, HcpcsCode } from "../../data/types.js";
import { billingUnits, codesInForce, convertDose } from "../catalogue.js";
import type { DerivationState, DocumentedDrug, DrugPortion, EncounterContext, ExpectedLine, Service } from "./types.js";
import { pushTo } from "../push-to.js";

export function deriveDrugLines(st: DerivationState) {
  st.drugs = documentedDrugs(st.services, st.ctx);
  st.lines.push(...drugLines(st.drugs, st.ctx));
}

function documentedDrugs(services: Service[], ctx: EncounterContext): Map<string, DocumentedDrug> {
  const out = new Map<string, DocumentedDrug>();
  const portions = new Map<DocumentedDrug, DrugPortion[]>();
  for (const s of services) {
    if (s.category === "oral" || s.admin.verb === "oral") continue;
    // The verb's drug and each `+ DRUG` of the bag: one drug line each (LANGUAGE.md §3).
    for (const p of s.portions) {
      if (!p.drug) continue;
      const key = p.drug.name.toLowerCase();
      let d = out.get(key);
      if (!d) out.set(key, (d = { drug: p.drug, admins: [], units: new Map(), wasted: new Map(), unstatedWaste: [] }));
      if (!d.admins.includes(s.index)) d.admins.push(s.index);
      if (!p.waste) d.unstatedWaste.push(s.index);
      pushTo(portions, d, p);
    }
  }
  for (const [d, list] of portions) {
    for (const code of d.drug.codes) {
      d.units.set(code.code, sumDoses(list, "dose", code.unit.unit, ctx));
      d.wasted.set(code.code, sumDoses(list, "waste", code.unit.unit, ctx, 0));
    }
    const first = list[0].dose;
    if (first && list.every((p) => p.dose?.unit === first.unit)) d.total = { value: list.reduce((n, p) => n + p.dose!.value, 0), unit: first.unit };
  }
  return out;
}

/** The portions' doses (or wastes) added up in `unit`; a missing one counts as `missing` (undefined: the sum is unknown). */
function sumDoses(list: DrugPortion[], which: "dose" | "waste", unit: DoseUnit, ctx: EncounterContext, missing?: number): number | undefined {
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
  let best: { code: HcpcsCode; units: number } | undefined;
  for (const code of codesInForce(d.drug, date)) {
    if (code.derive === false) continue;
    const amount = d.units.get(code.code);
    const units = amount === undefined ? undefined : billingUnits(amount, code);
    if (units === undefined) continue;
    if (!best || units < best.units || (units === best.units && code.unit.amount < best.code.unit.amount)) best = { code, units };
  }
  return best;
}

function drugLines(drugs: Map<string, DocumentedDrug>, ctx: EncounterContext): ExpectedLine[] {
  const lines: ExpectedLine[] = [];
  for (const d of drugs.values()) {
    const pick = pickDrugCode(d, ctx.date);
    if (!pick) continue;
    const amount = d.units.get(pick.code.code)!;
    lines.push({
      code: pick.code.code,
      units: pick.units,
      modifiers: [],
      admins: d.admins,
      role: "standalone",
      kind: "drug",
      drug: d.drug.name,
      reason: `${d.drug.name} ${formatAmount(amount)} ${pick.code.unit.unit} ÷ ${pick.code.unit.upTo ? "up to " : ""}${pick.code.unit.amount} ${pick.code.unit.unit} per unit = ${pick.units} unit${pick.units === 1 ? "" : "s"} (rounded up)${ctx.date ? `; code in force on ${ctx.date}` : "; newest code set (no date of service given)"}`,
      order: 0,
    });
  }
  return lines;
}

export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

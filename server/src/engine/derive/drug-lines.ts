// Pass "drug lines". Reads: the services with a known drug (not oral), their doses, BSA/weight and
// the date of service. Adds: each documented drug's total dose in every billing code's unit, and a
// HCPCS line per drug: the code in force that bills the dose in the fewest units.
import type { HcpcsCode } from "../../data/types.js";
import { billingUnits, codesInForce, convertDose } from "../catalogue.js";
import type { DerivationState, DocumentedDrug, EncounterContext, ExpectedLine, Service } from "./types.js";

export function deriveDrugLines(st: DerivationState) {
  st.drugs = documentedDrugs(st.services, st.ctx);
  st.lines.push(...drugLines(st.drugs, st.ctx));
}

function documentedDrugs(services: Service[], ctx: EncounterContext): Map<string, DocumentedDrug> {
  const out = new Map<string, DocumentedDrug>();
  for (const s of services) {
    if (!s.drug || s.category === "oral" || s.admin.verb === "oral") continue;
    let d = out.get(s.drugKey);
    if (!d) out.set(s.drugKey, (d = { drug: s.drug, admins: [], units: new Map() }));
    d.admins.push(s.index);
  }
  for (const d of out.values()) {
    const doses = d.admins.map((i) => services[i].admin.dose);
    for (const code of d.drug.codes) {
      let total: number | undefined = 0;
      for (const dose of doses) {
        const v = dose ? convertDose(dose.value, dose.unit, code.unit.unit, ctx) : undefined;
        total = v === undefined || total === undefined ? undefined : total + v;
      }
      d.units.set(code.code, total);
    }
    if (doses.every((x) => x && x.unit === doses[0]!.unit)) {
      const unit = doses[0]!.unit;
      const value = doses.reduce((n, x) => n + x!.value, 0);
      d.total = { value, unit };
    }
  }
  return out;
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

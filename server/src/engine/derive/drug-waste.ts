// Pass "drug waste". Reads: the HCPCS drug lines, each documented drug's dose and `waste`, the
// code's container and OPPS status indicator, the payer profile, setting and date. Adds: the JW/JZ
// decision on each drug line (LANGUAGE.md §4 step 7): JZ on the administered line, or a second
// line with JW for the discarded units; `waste-undocumented` where JZ rests on no `waste` clause.
import type { HcpcsCode } from "../../data/types.js";
import { oppsStatus, wasteRequirement, type WasteRequirement } from "../catalogue.js";
import { formatAmount } from "./drug-lines.js";
import { report } from "./state.js";
import type { DerivationState, DocumentedDrug, WasteDecision } from "./types.js";

export function deriveDrugWaste(st: DerivationState) {
  // By index: a JW line goes in right after its drug's line and is stepped over.
  for (let i = 0; i < st.lines.length; i++) {
    const line = st.lines[i];
    if (line.kind !== "drug") continue;
    const doc = st.drugs.get(line.drug!.toLowerCase());
    const code = doc?.drug.codes.find((c) => c.code === line.code);
    if (!doc || !code) continue;
    const decision = decide(st, doc, code, line.units);
    line.waste = decision; // worded at the end of the line's reason where the payer has waste rules
    if (!decision.required) continue;
    if (decision.jz) {
      line.modifiers = ["JZ"];
      const unstated = doc.unstatedWaste[0];
      if (unstated !== undefined)
        report(st, "waste-undocumented", st.enc.administrations[unstated].span, `${line.code}-JZ is derived for ${doc.drug.name}, but no waste is documented: JZ attests that nothing was discarded from the single-dose container. Confirm it and write 'waste 0mg', or document the amount discarded (waste DOSE) for a JW line.`);
    }
    if (decision.jwUnits > 0)
      // Right after the administered line, so the derived order (the order every fix writes) keeps a drug's two lines together.
      st.lines.splice(++i, 0, { code: line.code, units: decision.jwUnits, modifiers: ["JW"], admins: [...line.admins], role: line.role, kind: line.kind, drug: line.drug, reason: `discarded ${doc.drug.name}: ${decision.why}`, order: line.order, waste: decision });
  }
}

/** What the payer requires on this line and why, with the JW arithmetic. */
function decide(st: DerivationState, doc: DocumentedDrug, code: HcpcsCode, givenUnits: number): WasteDecision {
  const { payer, setting, date } = st.ctx;
  const container = code.container?.kind;
  const opps = oppsStatus(code.code, st.ctx.drugs);
  const none = (why: string): WasteDecision => ({ required: false, container, jwUnits: 0, jz: false, why });
  const rule = wasteRequirement(payer, setting, date, opps);
  if (!rule) return none(noRuleWhy(st, code, opps));
  if (container !== "single")
    return none(container === "multiple" ? `${code.code} bills a multiple-dose container: JW and JZ do not apply` : container === "mixed" ? `${code.code} comes in single- and multiple-dose containers: the container used is not documented, so neither JW nor JZ is required (either is accepted)` : `the container of ${code.code} is not in the drug table: nothing is required`);
  const paid = setting === "hopd" ? `; OPPS status indicator ${opps}: paid separately` : "";
  return singleDose(doc, code, givenUnits, rule, `${code.code} bills a single-dose container and ${payer!.title.split(":")[0]} requires JW/JZ on it${paid}`);
}

function singleDose(doc: DocumentedDrug, code: HcpcsCode, givenUnits: number, rule: WasteRequirement, base: string): WasteDecision {
  const given = doc.units.get(code.code)!;
  const wasted = doc.wasted.get(code.code);
  const per = `${code.unit.amount} ${code.unit.unit}`;
  if (wasted === undefined) return { required: false, container: "single", jwUnits: 0, jz: false, why: `${base}; the waste cannot be converted to ${code.unit.unit}, so the modifier is not checked` };
  const jwUnits = wasted > 0 ? Math.ceil((given + wasted) / code.unit.amount - 1e-9) - givenUnits : 0;
  const arithmetic = wasted > 0 ? `JW units = ceil((${formatAmount(given)} + ${formatAmount(wasted)}) ÷ ${per}) − ceil(${formatAmount(given)} ÷ ${per}) = ${givenUnits + jwUnits} − ${givenUnits} = ${jwUnits}` : "";
  if (jwUnits > 0 && rule.jw) return { required: true, container: "single", jwUnits, jz: false, why: `${base}; ${arithmetic}` };
  if (jwUnits > 0) return { required: false, container: "single", jwUnits: 0, jz: false, why: `${base}; JW was not yet required on this date` };
  const zero = wasted > 0 ? `${arithmetic}, so the discarded amount fits in the units billed` : doc.unstatedWaste.length ? "no waste documented" : "waste 0 documented";
  return rule.jz ? { required: true, container: "single", jwUnits: 0, jz: true, why: `${base}; ${zero}: JZ on the administered line` } : { required: false, container: "single", jwUnits: 0, jz: false, why: `${base}; ${zero}, and JZ was not yet required on this date` };
}

function noRuleWhy(st: DerivationState, code: HcpcsCode, opps: string | undefined): string {
  const { payer, setting } = st.ctx;
  if (!payer?.wasteModifiers) return `${payer ? payer.title : "no payer"}: JW/JZ not required (JW lines are accepted and counted apart)`;
  if (setting === "hopd" && payer.wasteModifiers.settings.includes("hopd"))
    return opps ? `${code.code} has OPPS status indicator ${opps} (not separately paid): packaged drugs need neither JW nor JZ` : `${code.code} has no OPPS status indicator in the drug table: nothing is required`;
  return `${payer.title}: JW/JZ not required on this date or in this setting`;
}

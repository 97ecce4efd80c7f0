// Pass "services". Reads: the encounter's administrations and the drug table.
// Adds: one Service per administration (drug, display name, same-drug key, IV site) and an
// `unknown-drug` finding for a drug the table does not know or an administration without a drug.
import type { Administration } from "../../language/ast.js";
import { NONE } from "../../language/empty-list.js";
import { report } from "./state.js";
import type { DerivationState, DrugPortion, Service } from "./types.js";

export function identifyServices(st: DerivationState) {
  st.services = st.enc.administrations.map((admin, index) => identify(st, admin, index));
}

function identify(st: DerivationState, admin: Administration, index: number): Service {
  const drug = admin.drug ? st.ctx.drugs.byName(admin.drug.key) : undefined;
  const drugName = drug?.name ?? admin.drug?.text ?? (admin.verb === "hydrate" ? "IV fluid" : admin.verb === "flush" ? "port" : "unnamed drug");
  const drugKey = drug?.name.toLowerCase() ?? admin.drug?.key ?? admin.verb;
  const portions: DrugPortion[] = [{ drug, ref: admin.drug, dose: admin.dose, waste: admin.waste }];
  for (const add of admin.additives ?? []) {
    const entry = st.ctx.drugs.byName(add.drug.key);
    if (!entry) report(st, "unknown-drug", add.drug.span, `'${add.drug.text}' (added to the same bag) is not in the drug table: it is treated as a therapeutic (non-chemo) drug and gets no drug line. If it is chemotherapy, declare it (drug ${declName(add.drug.text)} chemo).`);
    portions.push({ drug: entry, ref: add.drug, dose: add.dose, waste: add.waste });
  }
  const s: Service = { index, admin, drug, portions, drugName, drugKey, category: "none", site: admin.site?.value ?? 1, classification: "", concurrent: NONE, outcome: NONE }; // lists of their own from the first item (adding)
  if (admin.drug && !drug) {
    const fluid = admin.verb === "hydrate";
    report(st, "unknown-drug", admin.drug.span, `'${admin.drug.text}' is not in the drug table: it is treated as ${fluid ? "a hydration fluid" : "a therapeutic (non-chemo) drug"}. If it is chemotherapy, declare it (drug ${declName(admin.drug.text)} chemo) so the chemo codes apply.`);
  } else if (!admin.drug && ["push", "infuse", "inject", "pump", "oral"].includes(admin.verb)) {
    report(st, "unknown-drug", admin.verbSpan, `The ${admin.verb} does not name its drug: it is treated as a therapeutic (non-chemo) drug.`);
  }
  return s;
}

function declName(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(text) ? text : `"${text}"`;
}

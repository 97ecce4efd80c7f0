// Family "drug lines": HCPCS drug lines against the documented doses: a code not in force on the
// date of service (`retired-code`), a drug line with no documented administration, units that
// disagree with the dose (`drug-units`, JW lines counted apart), a product billed under another
// product's code (`wrong-product-code`), JW/JZ (check/drug-waste.ts), and derived drug lines the claim lacks.
import type { ClaimItem } from "../../language/ast.js";
import { billingUnits, codesInForce, formatUnit, inForce, wrongProductCode, type DrugCode } from "../catalogue.js";
import { appendItems, formatItem, replaceItem } from "../claim-text.js";
import { formatAmount, pickDrugCode, type DocumentedDrug } from "../derive.js";
import type { HcpcsCode } from "../../data/types.js";
import { checkDrugWaste, hasModifier } from "./drug-waste.js";
import type { CheckInput, Report } from "./types.js";
import { pushToGroup, type Group } from "../push-to.js";

/** A J or Q code of the drug table: the claim lists drug lines (LANGUAGE.md §5 `missing-code`). */
export const isDrugLineCode = (code: string) => /^[JQ]/i.test(code);

export function checkDrugLines(input: CheckInput, items: { item: ClaimItem; dc: DrugCode }[], report: Report) {
  const { claim, ctx, derivation, text } = input;
  const date = ctx.date;
  // Each drug's claimed lines, in the order first claimed; made when a claim has such lines (most
  // claims have a drug line or two, JW lines are rare). Lists, not maps: a claim bills few drugs.
  let byDrug: Group<{ item: ClaimItem; dc: DrugCode }>[] | undefined;
  let jwByDrug: Group<ClaimItem>[] | undefined;
  let claimedProducts: string[] | undefined;
  for (const x of items) {
    const doc = derivation.drugs.get(x.dc.drug.name.toLowerCase());
    if (!inForce(x.dc.code, date)) {
      const when = date ? `on ${date}` : "today (no date of service is given; add `date` for an older encounter)";
      const pick = doc ? pickDrugCode(doc, date) : undefined;
      const now = pick?.code ?? codesInForce(x.dc.drug, date).find((c) => c.derive !== false);
      const replacement = now ? { code: now.code, units: pick?.units ?? x.item.units, modifiers: x.item.modifiers.map((m) => m.value) } : undefined;
      const status = x.dc.code.until && (!date || date > x.dc.code.until) ? `was retired after ${x.dc.code.until}` : `was not yet in force (from ${x.dc.code.from})`;
      report("retired-code", x.item.codeSpan, `${x.dc.code.code} (${x.dc.drug.name}, ${formatUnit(x.dc.code)}) ${status}; the code in force ${when} is ${now ? `${now.code} (${formatUnit(now)})${pick ? `: ${doseWords(doc!, now)} = ${now.code} ×${pick.units}` : ""}` : "not in the drug table"}.`, replacement ? { title: `Change to ${formatItem(replacement)}`, edits: [replaceItem(text, claim, x.item, [replacement])] } : undefined);
      continue;
    }
    if (!doc) {
      const product = otherProduct(input, x);
      if (product) {
        reportWrongProduct(input, x, product, report);
        (claimedProducts ??= []).push(product.drug.name);
        continue;
      }
      report("unsupported-code", x.item.span, `${x.item.code} bills ${x.dc.drug.name}, but no ${x.dc.drug.name} administration is documented in this encounter.`, { title: `Remove '${text.slice(x.item.span.start, x.item.span.end)}'`, edits: [replaceItem(text, claim, x.item, [])] });
      continue;
    }
    // JW lines bill the discarded amount: counted apart from the administered units (§4 step 7).
    if (hasModifier(x.item, "JW")) pushToGroup((jwByDrug ??= []), x.dc.drug.name, x.item);
    else pushToGroup((byDrug ??= []), x.dc.drug.name, x);
  }
  if (jwByDrug) for (const { name, list: jw } of jwByDrug) if (!byDrug?.some((g) => g.name === name)) checkDrugWaste(input, derivation.drugs.get(name.toLowerCase())!, [], jw, report);
  if (byDrug) for (const { name, list } of byDrug) {
    const doc = derivation.drugs.get(name.toLowerCase())!;
    checkDrugWaste(input, doc, list.map((x) => x.item), jwByDrug?.find((g) => g.name === name)?.list ?? [], report);
    if (list.length === 1) {
      const { item, dc } = list[0];
      const amount = doc.units.get(dc.code.code);
      const want = amount === undefined ? undefined : billingUnits(amount, dc.code);
      if (want !== undefined && want !== item.units) {
        const fixed = { code: item.code, units: want, modifiers: item.modifiers.map((m) => m.value) };
        report("drug-units", item.span, `${item.code} ×${item.units} disagrees with the documented ${name} dose: ${doseOf(doc)} (${item.code} is billed ${formatUnit(dc.code)}) is ${item.code} ×${want} (units are the dose divided by the billing unit, rounded up).`, { title: `Change to ${formatItem(fixed)}`, edits: [replaceItem(text, claim, item, [fixed])] }, { related: doc.admins.map((a) => ({ span: input.enc.administrations[a].span, message: `${name} documented here` })) });
      }
      continue;
    }
    // Several codes for one drug (e.g. J2920 + J2930): the strengths billed must cover the dose without a spare unit.
    let cover = 0;
    let smallest = Infinity;
    let amount: number | undefined;
    for (const { item, dc } of list) {
      cover += item.units * dc.code.unit.amount;
      smallest = Math.min(smallest, dc.code.unit.amount);
      amount = doc.units.get(dc.code.code);
    }
    if (amount !== undefined && (cover < amount - 1e-9 || cover - smallest >= amount - 1e-9))
      report("drug-units", list[0].item.span, `The ${name} lines bill ${cover} ${list[0].dc.code.unit.unit} in all, but ${doseOf(doc)} is documented: the units should cover the dose without a spare unit.`);
  }
  // Drug lines the chart supports but the claim lacks: only when the claim lists a J or Q drug line.
  if (!items.some((x) => isDrugLineCode(x.item.code))) return;
  const claimed = (drug: string) => items.some((x) => x.dc.drug.name === drug) || !!claimedProducts?.includes(drug);
  for (const line of derivation.lines) {
    if (line.kind !== "drug" || line.modifiers.includes("JW") || claimed(line.drug!)) continue;
    // The drug's JW line, when it has one, goes in with it.
    const adds = derivation.lines.filter((l) => l.kind === "drug" && l.drug === line.drug).map((l) => ({ code: l.code, units: l.units, modifiers: l.modifiers }));
    const words = adds.map(formatItem).join(" and ");
    report("missing-code", claim.keywordSpan, `${words} (${line.drug}) ${adds.length > 1 ? "are" : "is"} missing from the claim: ${line.reason}${line.waste?.required ? `; ${line.waste.why}` : ""}.`, { title: `Add ${words} to the claim`, edits: [appendItems(claim, adds)] }, { related: line.admins.map((a) => ({ span: input.enc.administrations[a].span, message: `${line.drug} documented here` })) });
  }
}

/** The documented dose as written ("1500 mg"), for messages. */
const doseOf = (doc: DocumentedDrug) => (doc.total ? `${doc.total.value} ${doc.total.unit}` : "the documented dose");

/** The documented dose and, when it was written in another unit (mg/m2, g), what it came to: "750 mg/m2 = 1500 mg". */
function doseWords(doc: DocumentedDrug, code: HcpcsCode): string {
  const amount = doc.units.get(code.code);
  const billed = amount === undefined ? undefined : `${formatAmount(amount)} ${code.unit.unit}`;
  if (!doc.total) return billed ?? "the documented dose";
  const written = `${formatAmount(doc.total.value)} ${doc.total.unit}`;
  return billed && billed !== written ? `${written} = ${billed}` : written;
}

/** A documented product of the same molecule as the claimed code's drug (Truxima documented, J9312 claimed). */
function otherProduct(input: CheckInput, x: { item: ClaimItem; dc: DrugCode }): DocumentedDrug | undefined {
  for (const doc of input.derivation.drugs.values()) if (wrongProductCode(input.ctx.drugs, doc.drug, x.item.code)) return doc;
  return undefined;
}

function reportWrongProduct(input: CheckInput, x: { item: ClaimItem; dc: DrugCode }, doc: DocumentedDrug, report: Report) {
  const { claim, ctx, derivation, text } = input;
  const pick = pickDrugCode(doc, ctx.date);
  const billed = x.dc.drug.product ? `${x.dc.drug.name}${x.dc.drug.product.nonproprietary ? ` (${x.dc.drug.product.nonproprietary})` : ""}` : `${x.dc.drug.name}, the reference product`;
  const documented = doc.drug.product ? `${doc.drug.name}${doc.drug.product.nonproprietary ? ` (${doc.drug.product.nonproprietary})` : ""}` : `${doc.drug.name} (the reference product)`;
  const jw = hasModifier(x.item, "JW");
  const jwLine = derivation.lines.find((l) => l.kind === "drug" && l.drug === doc.drug.name && l.modifiers.includes("JW"));
  const units = jw ? jwLine?.units ?? x.item.units : pick?.units;
  const fixed = pick && units !== undefined ? { code: pick.code.code, units, modifiers: x.item.modifiers.map((m) => m.value) } : undefined;
  const dose = doseOf(doc);
  report("wrong-product-code", x.item.codeSpan, `${x.item.code} bills ${billed}, but ${documented} is documented: each product is billed under its own code${pick ? `, ${pick.code.code} (${formatUnit(pick.code)}); ${jw ? "the discarded units" : `${dose} = ${pick.code.code} ×${pick.units}`}` : ", which is not in force on this date"}.`, fixed ? { title: `Change to ${formatItem(fixed)}`, edits: [replaceItem(text, claim, x.item, [fixed])] } : undefined, { related: doc.admins.map((a) => ({ span: input.enc.administrations[a].span, message: `${doc.drug.name} documented here` })) });
}

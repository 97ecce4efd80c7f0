// Family "drug waste" (part of the drug-line check): JW and JZ on the claimed lines of one
// documented drug against the derived decision (LANGUAGE.md §4 step 7): `waste-modifier-missing`
// (neither where the payer requires one) and `waste-modifier-wrong` (JZ with waste documented, JW
// with none, JW units that disagree, JZ before it existed, JW on a multiple-dose code).
import type { ClaimItem, Spanned } from "../../language/ast.js";
import { modifierValidOn } from "../catalogue.js";
import { formatItem, removeModifier, replaceItem, type ItemText } from "../claim-text.js";
import type { DocumentedDrug, ExpectedLine } from "../derive.js";
import type { CheckInput, Report } from "./types.js";

export const hasModifier = (item: ClaimItem, m: string) => item.modifiers.some((x) => x.value === m);
const textOf = (item: ClaimItem): ItemText => ({ code: item.code, units: item.units, modifiers: item.modifiers.map((m) => m.value) });
const withMods = (item: ClaimItem, drop: string[], add: string[]): ItemText => ({ ...textOf(item), modifiers: [...textOf(item).modifiers.filter((m) => !drop.includes(m)), ...add] });

/** `given`: the drug's claimed lines without JW; `jw`: its JW lines. */
export function checkDrugWaste(input: CheckInput, doc: DocumentedDrug, given: ClaimItem[], jw: ClaimItem[], report: Report) {
  const { text, claim, ctx, derivation } = input;
  const name = doc.drug.name;
  const jz = jzBeforeItExisted(given, ctx.date) ?? jzBeforeItExisted(jw, ctx.date);
  if (jz) {
    report("waste-modifier-wrong", jz.span, `JZ did not exist on ${ctx.date}: CMS created it for dates of service from 2023-01-01 (MLN MM13056). Remove it.`, { title: "Remove -JZ", edits: [removeModifier(text, jz.span)] });
    return;
  }
  const line = derivation.lines.find((l) => l.kind === "drug" && l.drug === name && !l.modifiers.includes("JW"));
  const decision = line?.waste;
  if (!line || !decision) return;
  if (decision.container === "multiple" && jw.length && ctx.payer?.wasteModifiers) {
    for (const item of jw)
      report("waste-modifier-wrong", item.span, `${item.code} bills ${name} from a multiple-dose container: JW and JZ are not used for multiple-dose containers (CMS JW/JZ FAQ), and the discarded amount is not billable. Remove the JW line.`, { title: `Remove '${formatItem(textOf(item))}'`, edits: [replaceItem(text, claim, item, [])] });
    return;
  }
  if (!decision.required) return;
  const jwLine = derivation.lines.find((l) => l.kind === "drug" && l.drug === name && l.modifiers.includes("JW"));
  const admin = given[0];
  if (jwLine) checkWasted(input, doc, admin, jw, jwLine, report);
  else checkNoWaste(input, doc, admin, jw, line, report);
}

/** The first JZ on these lines when the date of service is before JZ existed. */
function jzBeforeItExisted(items: ClaimItem[], date: string | undefined): Spanned<string> | undefined {
  for (const item of items) {
    const jz = item.modifiers.find((m) => m.value === "JZ");
    if (jz && !modifierValidOn("JZ", date)) return jz;
  }
  return undefined;
}

/** Waste documented and billable: the administered line without JZ, and one JW line of the right units. */
function checkWasted(input: CheckInput, doc: DocumentedDrug, admin: ClaimItem | undefined, jw: ClaimItem[], jwLine: ExpectedLine, report: Report) {
  const { text, claim } = input;
  const want: ItemText = { code: jwLine.code, units: jwLine.units, modifiers: ["JW"] };
  const wasted = wasteWords(input, doc);
  const jz = admin?.modifiers.find((m) => m.value === "JZ");
  if (admin && jz) {
    const replacement = jw.length ? [withMods(admin, ["JZ"], [])] : [withMods(admin, ["JZ"], []), want];
    report("waste-modifier-wrong", jz.span, `JZ attests that no ${doc.drug.name} was discarded, but ${wasted} is documented: bill ${formatItem(want)} for the discarded units (${jwLine.waste!.why}).`, { title: `Change to ${replacement.map(formatItem).join(", ")}`, edits: [replaceItem(text, claim, admin, replacement)] });
    return;
  }
  if (!jw.length) {
    if (!admin) return;
    const replacement = [withMods(admin, [], []), want];
    report("waste-modifier-missing", admin.span, `${admin.code} has neither JW nor JZ, but the payer requires them on this single-dose drug and ${wasted} is documented: bill the discarded units on a second line, ${formatItem(want)} (${jwLine.waste!.why}).`, { title: `Change to ${replacement.map(formatItem).join(", ")}`, edits: [replaceItem(text, claim, admin, replacement)] });
    return;
  }
  const claimedUnits = jw.reduce((n, i) => n + i.units, 0);
  if (claimedUnits !== jwLine.units || jw[0].code !== jwLine.code)
    report("waste-modifier-wrong", jw[0].span, `The JW line bills ${claimedUnits} discarded unit${claimedUnits === 1 ? "" : "s"} of ${jw[0].code}, but ${wasted} is documented: ${jwLine.waste!.why}.`, { title: `Change to ${formatItem(want)}`, edits: [replaceItem(text, claim, jw[0], [want]), ...jw.slice(1).map((i) => replaceItem(text, claim, i, []))] });
}

/** No billable waste: JZ on the administered line (from JZ's start date) and no JW line. */
function checkNoWaste(input: CheckInput, doc: DocumentedDrug, admin: ClaimItem | undefined, jw: ClaimItem[], line: ExpectedLine, report: Report) {
  const { text, claim } = input;
  const why = line.waste!.why;
  for (const item of jw)
    report("waste-modifier-wrong", item.span, `${formatItem(textOf(item))} bills discarded ${doc.drug.name}, but ${doc.unstatedWaste.length ? "no waste is documented" : `the documented waste (${wasteWords(input, doc)}) needs no unit beyond those billed for the dose`}: ${why}. Remove the JW line.`, { title: `Remove '${formatItem(textOf(item))}'`, edits: [replaceItem(text, claim, item, [])] });
  if (admin && line.waste!.jz && !hasModifier(admin, "JZ") && !jw.length) {
    const fixed = withMods(admin, [], ["JZ"]);
    report("waste-modifier-missing", admin.span, `${admin.code} has neither JW nor JZ, but the payer requires one on this single-dose drug: ${why}. Bill ${formatItem(fixed)}.`, { title: `Change to ${formatItem(fixed)}`, edits: [replaceItem(text, claim, admin, [fixed])] });
  }
}

function wasteWords(input: CheckInput, doc: DocumentedDrug): string {
  const doses = doc.admins.flatMap((a) => input.derivation.services[a].portions.filter((p) => p.drug === doc.drug && p.waste).map((p) => input.text.slice(p.waste!.span.start, p.waste!.span.end)));
  return doses.length ? `waste ${doses.join(" + ")}` : "no waste";
}

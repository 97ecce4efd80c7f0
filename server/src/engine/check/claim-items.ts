// Family "claim items": sorts the claim into administration-code units, HCPCS drug lines, E/M
// visits and 36591, and the rest: codes that cannot exist (`unknown-code`: malformed, or undefined
// in the administration range) and well-formed codes outside the catalogue (`unchecked-code`,
// info: a laboratory test, 99499, 0591T, 3074F; kept, counted and not checked).
import type { ClaimItem } from "../../language/ast.js";
import { adminCode, isLabCode, isNonexistentCode, otherCode, type DrugCode } from "../catalogue.js";
import { codeForm } from "../../language/code-forms.js";
import type { CheckInput, ClaimedToken, Report } from "./types.js";

/** Units beyond this many of one code are not compared one by one (a typo such as ×9999). */
export const MAX_TOKENS = 50;

export interface SortedClaim {
  claimed: ClaimedToken[];
  drugItems: { item: ClaimItem; dc: DrugCode }[];
  /** E/M visits and 36591: checked by check/visits-and-draws.ts. */
  otherItems: ClaimItem[];
}

export function sortClaimItems(input: CheckInput, report: Report): SortedClaim {
  const claimed: ClaimedToken[] = [];
  const drugItems: { item: ClaimItem; dc: DrugCode }[] = [];
  const otherItems: ClaimItem[] = [];
  for (const item of input.claim.items) {
    const info = adminCode(item.code);
    if (info) {
      for (let k = 0; k < Math.min(item.units, MAX_TOKENS); k++) claimed.push({ item, info });
      continue;
    }
    const dc = input.ctx.drugs.byCode(item.code);
    if (dc) drugItems.push({ item, dc });
    else if (otherCode(item.code)) otherItems.push(item);
    else if (cannotExist(item.code)) report("unknown-code", item.codeSpan, unknownCodeMessage(item.code));
    else report("unchecked-code", item.codeSpan, uncheckedMessage(item.code));
  }
  return { claimed, drugItems, otherItems };
}

/** A malformed code, or a number in the drug-administration range that CPT does not define. */
export function cannotExist(code: string): boolean {
  const n = Number(code);
  return codeForm(code) === "malformed" || isNonexistentCode(code) || (/^\d{5}$/.test(code) && n >= 96360 && n <= 96549);
}

function unknownCodeMessage(code: string): string {
  if (isNonexistentCode(code)) return `${code} does not exist: CPT has no 96362, 96363, 96364 or 96378. Use the code for the documented service.`;
  if (codeForm(code) === "malformed") return `${code} is not a code: CPT codes are five digits, or four digits and F, M, T, U or A; HCPCS codes are a letter and four digits.`;
  return `${code} is not a drug administration code (96360-96379, 96401-96549).`;
}

const FORM_WORDS: Record<string, string> = {
  cpt: "a CPT code",
  "category-ii": "a CPT Category II (performance measurement) code",
  "category-iii": "a CPT Category III (emerging technology) code",
  pla: "a Proprietary Laboratory Analyses code",
  maaa: "an administrative MAAA code",
  vaccine: "a vaccine administration code",
};

function uncheckedMessage(code: string): string {
  if (isLabCode(code)) return `${code} is a laboratory test: kept and counted, not checked against the chart (laboratory tests may stand beside a port draw, 36591).`;
  const form = codeForm(code);
  if (form === "hcpcs") return `${code} is not in the drug table: kept and counted, not checked. If it bills a documented drug, declare it: drug NAME CLASS hcpcs ${code} per DOSE.`;
  return `${code}${FORM_WORDS[form] ? ` is ${FORM_WORDS[form]}` : ""} outside the codes this tool checks (drug administration, HCPCS drugs, E/M visits, 36591): kept and counted, not checked against the chart.`;
}

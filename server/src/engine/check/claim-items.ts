// Family "claim items": sorts the claim into administration-code units, HCPCS drug lines and
// codes neither the code catalogue nor the drug table knows (`unknown-code`, with what the code
// is when it can be told: nonexistent, outside the family, or an undeclared drug code).
import type { ClaimItem } from "../../language/ast.js";
import { adminCode, isNonexistentCode, type DrugCode } from "../catalogue.js";
import type { CheckInput, ClaimedToken, Report } from "./types.js";

/** Units beyond this many of one code are not compared one by one (a typo such as ×9999). */
export const MAX_TOKENS = 50;

export interface SortedClaim {
  claimed: ClaimedToken[];
  drugItems: { item: ClaimItem; dc: DrugCode }[];
}

export function sortClaimItems(input: CheckInput, report: Report): SortedClaim {
  const claimed: ClaimedToken[] = [];
  const drugItems: { item: ClaimItem; dc: DrugCode }[] = [];
  for (const item of input.claim.items) {
    const info = adminCode(item.code);
    if (info) {
      for (let k = 0; k < Math.min(item.units, MAX_TOKENS); k++) claimed.push({ item, info });
      continue;
    }
    const dc = input.ctx.drugs.byCode(item.code);
    if (dc) {
      drugItems.push({ item, dc });
      continue;
    }
    report("unknown-code", item.codeSpan, unknownCodeMessage(item.code));
  }
  return { claimed, drugItems };
}

function unknownCodeMessage(code: string): string {
  if (isNonexistentCode(code)) return `${code} does not exist: CPT has no 96362, 96363, 96364 or 96378. Use the code for the documented service.`;
  const n = Number(code);
  if (/^\d{5}$/.test(code) && n >= 96360 && n <= 96549) return `${code} is not a drug administration code (96360-96379, 96401-96549).`;
  if (/^\d{5}$/.test(code)) return `${code} is outside the drug administration family this tool checks (96360-96549, G0498 and HCPCS drug codes); it cannot be checked against the documentation.`;
  return `${code} is not a HCPCS drug code in the drug table. If it is the code of a documented drug, declare it: drug NAME CLASS hcpcs ${code} per DOSE.`;
}

// Checking the claim against the derivation (LANGUAGE.md §5), as rule families run in order over
// the claim (each a module in check/). Administration codes are compared unit by unit: equal
// codes match; what is left is paired by how alike the codes are (family, then push/infusion, then
// role), and each pairing names the rule that explains it. One claim line gets at most one error:
// the most specific (CLAIM_RULE_PRIORITY), chosen in check/verdicts.ts.
import { sortClaimItems } from "./check/claim-items.js";
import { checkDrugLines } from "./check/drug-lines.js";
import { pairAdministrationCodes } from "./check/pairing.js";
import { checkPayerEdits } from "./check/payer-edits.js";
import { checkKnownModifiers } from "./check/known-modifiers.js";
import { checkVisitsAndDraws } from "./check/visits-and-draws.js";
import type { CheckInput, Report } from "./check/types.js";
import { reportVerdicts } from "./check/verdicts.js";
import { makeFinding, type Finding } from "./finding.js";
// ncci/check.js, not the ncci/index.js barrel: that one also re-exports the configuration-file
// helpers (node:path), which the browser playground cannot bundle and the engine does not need.
import { ncciFindings } from "../ncci/check.js";

export type { CheckInput } from "./check/types.js";

export function checkClaim(input: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (rule, span, message, fix, extra) => findings.push(makeFinding(rule, span, message, input.enc.index, fix ? { ...extra, fix } : extra));
  // 1. Claim items: administration units, drug lines, unknown codes.
  const { claimed, drugItems, otherItems } = sortClaimItems(input, report);
  // 2. Pairing of administration codes with the derived ones (sets each unit's outcome).
  const pairing = pairAdministrationCodes(input, claimed);
  // 3. One verdict per administration line (with its modifiers), then missing codes.
  reportVerdicts(input, claimed, pairing, report);
  // 4. HCPCS drug lines against the documented doses.
  checkDrugLines(input, drugItems, report);
  // 5. E/M visits and port draws (36591); modifiers outside the known set.
  checkVisitsAndDraws(input, otherItems, report);
  checkKnownModifiers(input, report);
  // 6. The payer profile's edits.
  checkPayerEdits(input, report);
  // 7. The configured CMS NCCI edits (PTP pairs, MUE limits): after the engine's own rules, so a
  //    line the engine already explains gets no NCCI error.
  if (input.ncci) findings.push(...ncciFindings({ claim: input.claim, text: input.text, encounter: input.enc.index, setting: input.ctx.setting, date: input.ctx.date, edits: input.ncci }, findings));
  return findings;
}

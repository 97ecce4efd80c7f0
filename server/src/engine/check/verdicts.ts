// One verdict per claimed administration line, and the codes missing from the claim. A line gets
// at most one error: of the rules its units earned, the most specific (CLAIM_RULE_PRIORITY). Its
// fix rewrites the line to what its units paired with, plus the units the chart adds to it.
import type { ClaimItem } from "../../language/ast.js";
import { appendItems, formatItem, mergeItems, replaceItem, type ItemText } from "../claim-text.js";
import type { ExpectedLine } from "../derive.js";
import type { Fix } from "../finding.js";
import { CLAIM_RULE_PRIORITY } from "../rules.js";
import { describe } from "./messages.js";
import { checkModifiers } from "./modifiers.js";
import type { Pairing } from "./pairing.js";
import { outcomeRule, type CheckInput, type ClaimedToken, type ExpectedToken, type Report } from "./types.js";

export function reportVerdicts(input: CheckInput, claimed: ClaimedToken[], pairing: Pairing, report: Report) {
  let suppressMissing: string[] | undefined;
  let claimedCodes: Set<string> | undefined; // made when an add-on is claimed
  const codes = () => (claimedCodes ??= new Set(input.claim.items.map((i) => i.code)));
  // The claimed units of each line: `claimed` holds them line by line, in claim order.
  let at = 0;
  for (const item of input.claim.items) {
    if (claimed[at]?.item !== item) continue;
    const from = at;
    while (claimed[at]?.item === item) at++;
    const tokens = claimed.slice(from, at);
    const primary = verdict(input, item, tokens, pairing, codes, report);
    if (primary) (suppressMissing ??= []).push(primary);
    checkModifiers(input, item, tokens, report);
  }
  if (pairing.missing.length) reportMissing(input, pairing.missing, suppressMissing ?? [], report);
}

const NONE: ExpectedToken[] = [];

const relatedFor = (input: CheckInput, line?: ExpectedLine) =>
  line ? line.admins.map((a) => ({ span: input.enc.administrations[a].span, message: line.reason })) : [];

/** Reports the line's one error, if any; returns the primary code its fix adds to an add-on. */
function verdict(input: CheckInput, item: ClaimItem, tokens: ClaimedToken[], pairing: Pairing, claimedCodes: () => Set<string>, report: Report): string | undefined {
  const info = tokens[0].info;
  const deficit = pairing.deficitOnItem.get(item) ?? NONE;
  const rules: string[] = [];
  for (const t of tokens) {
    const r = outcomeRule(t.outcome!);
    if (r) rules.push(r);
  }
  if (info.addOn && !info.primaries.some((p) => claimedCodes().has(p))) rules.push("addon-without-primary");
  if (deficit.length && (info.role === "hour" || info.oncePerEncounter)) rules.push("units");
  // Most lines earn no rule: the priority list is searched only when one did.
  const rule = rules.length ? CLAIM_RULE_PRIORITY.find((r) => rules.includes(r)) : undefined;
  if (!rule && !deficit.length) return undefined;

  // The corrected item(s): matches stay, pairings become the derived code, the rest go.
  let replacement = correctedItems(item, tokens, deficit);
  const addPrimary = rule === "addon-without-primary" && !tokens.some((t) => t.outcome!.kind === "paired");
  const primary = addPrimary ? pairing.adminLines.find((l) => l.role === "initial" && info.primaries.includes(l.code)) : undefined;
  if (primary) replacement = [{ code: primary.code, units: 1, modifiers: primary.modifiers }, ...replacement];
  const written = input.text.slice(item.span.start, item.span.end);
  const fix: Fix = {
    title: replacement.length ? `Change '${written}' to '${replacement.map(formatItem).join(", ")}'` : `Remove '${written}'`,
    edits: [replaceItem(input.text, input.claim, item, replacement)],
  };

  if (rule && rule !== "missing-code") {
    const main = tokens.find((t) => outcomeRule(t.outcome!) === rule) ?? tokens[0];
    const o = main.outcome!;
    const line = "to" in o ? o.to?.line : deficit[0]?.line;
    const related = o.kind === "shadow" ? [{ span: input.enc.administrations[o.shadow.admin].span, message: o.shadow.reason }] : relatedFor(input, line);
    report(rule, item.span, describe(rule, item, info, main, tokens, input), fix, { related });
  } else if (deficit.length) {
    report("missing-code", item.span, `${formatItem({ code: info.code, units: item.units, modifiers: [] })} is claimed, but the chart supports ${info.code} ×${item.units + deficit.length}: ${deficit[0].line.reason}.`, fix, { related: relatedFor(input, deficit[0].line) });
  }
  return primary?.code;
}

function correctedItems(item: ClaimItem, tokens: ClaimedToken[], deficit: ExpectedToken[]): ItemText[] {
  const result: ItemText[] = [];
  for (const t of tokens) {
    const o = t.outcome!;
    if (o.kind === "match") result.push({ code: t.info.code, units: 1, modifiers: item.modifiers.map((m) => m.value) });
    else if (o.kind === "paired") result.push({ code: o.to.code, units: 1, modifiers: o.to.line.modifiers });
  }
  for (const d of deficit) result.push({ code: d.code, units: 1, modifiers: d.line.modifiers });
  return mergeItems(result);
}

/** Codes derived but absent from the claim, added at the end of the claim line. */
function reportMissing(input: CheckInput, missing: ExpectedToken[][], suppress: string[], report: Report) {
  for (const list of missing) {
    const line = list[0].line;
    if (suppress.includes(line.code)) continue;
    const add = { code: line.code, units: list.length, modifiers: line.modifiers };
    report("missing-code", input.claim.keywordSpan, `${formatItem(add)} is missing from the claim: ${line.reason}.`, { title: `Add ${formatItem(add)} to the claim`, edits: [appendItems(input.claim, [add])] }, { related: relatedFor(input, line) });
  }
}

// Family "modifiers" on administration codes: a second-site initial needs XS (or 59); a
// distinct-service modifier elsewhere, or JW/JZ on an administration code, is not needed.
import type { ClaimItem } from "../../language/ast.js";
import { removeModifier } from "../claim-text.js";
import { DISTINCT, hasDistinct, type CheckInput, type ClaimedToken, type Report } from "./types.js";

/** `tokens`: the claimed units of `item`, their outcomes set. */
export function checkModifiers(input: CheckInput, item: ClaimItem, tokens: ClaimedToken[], report: Report) {
  const info = tokens[0].info;
  const rule = tokens.some((t) => t.outcome!.kind === "paired" && t.outcome!.rule === "modifier-inappropriate") ? "modifier-inappropriate" : undefined;
  const matchedXS = tokens.some((t) => t.outcome!.kind === "match" && t.outcome!.to?.line.modifiers.includes("XS"));
  if (matchedXS && !hasDistinct(item)) {
    const at = item.modifiers.length ? item.modifiers[item.modifiers.length - 1].span.end : item.codeSpan.end;
    report("modifier-missing", item.codeSpan, `${info.code} is the initial service of a second IV site: it needs modifier XS (or 59) to show the separate, medically necessary site.`, { title: `Add modifier XS to ${info.code}`, edits: [{ start: at, end: at, newText: "-XS" }] });
  }
  if (rule === "modifier-inappropriate") return;
  for (const m of item.modifiers) {
    const wastage = m.value === "JW" || m.value === "JZ";
    if (!(DISTINCT.has(m.value) && !matchedXS) && !wastage) continue;
    const why = wastage
      ? `${m.value} reports drug wastage and belongs on the HCPCS drug line, not on the administration code ${info.code}`
      : info.addOn
        ? `${info.code} is an add-on in its ordinary sequence; modifier ${m.value} is not needed and invites review`
        : `${info.code} is the only initial service here and no separate site is documented; modifier ${m.value} is not needed`;
    report("modifier-not-needed", m.span, `${why}.`, { title: `Remove modifier ${m.value}`, edits: [removeModifier(input.text, m.span)] });
  }
}

// Family "known modifiers": a modifier outside the known set (data/modifiers.ts) is
// `unknown-modifier` (LANGUAGE.md §3 MODIFIER, §5): a typo or a modifier the payer will not read.
import { isKnownModifier } from "../catalogue.js";
import type { CheckInput, Report } from "./types.js";

export function checkKnownModifiers(input: CheckInput, report: Report) {
  for (const item of input.claim.items)
    for (const m of item.modifiers)
      if (!isKnownModifier(m.value))
        report("unknown-modifier", m.span, `${m.value} on ${item.code} is not a modifier this tool knows (for example 25, 59, XS, JW, JZ): check it for a typo; a payer may deny or ignore a line with an invalid modifier.`);
}

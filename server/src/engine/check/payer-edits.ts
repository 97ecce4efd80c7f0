// Family "payer edits": the payer profile's `edits` (a code, with or without others, over a unit
// limit, in some settings), each reported with the payer's own message, severity and source.
import type { CheckInput, Report } from "./types.js";

export function checkPayerEdits(input: CheckInput, report: Report) {
  const { claim, ctx } = input;
  for (const edit of ctx.payer?.edits ?? []) {
    if (edit.settings && (!ctx.setting || !edit.settings.includes(ctx.setting))) continue;
    const item = claim.items.find((i) => i.code === edit.code);
    if (!item) continue;
    if (edit.withAny && !claim.items.some((i) => edit.withAny!.includes(i.code))) continue;
    const units = claim.items.filter((i) => i.code === edit.code).reduce((n, i) => n + i.units, 0);
    if (edit.maxUnits !== undefined && units <= edit.maxUnits) continue;
    report("payer-edit", item.span, `${ctx.payer!.title}: ${edit.message}`, undefined, { severity: edit.severity, source: edit.source });
  }
}

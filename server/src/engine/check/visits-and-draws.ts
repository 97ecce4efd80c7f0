// Family "visits and port draws": claimed E/M codes and 36591 against the `visit` and `draw port`
// lines (LANGUAGE.md §4 step 6, §5): a visit the payer bundles (`em-bundled`), a documented visit
// beside administration codes without modifier 25 (`modifier-25-missing`), a 36591 beside other
// services (`not-reportable`), either one with nothing documented (`unsupported-code`), and a
// derived visit or draw the claim lacks (`missing-code`).
import type { ClaimItem } from "../../language/ast.js";
import { emBundling, isEmCode } from "../catalogue.js";
import { appendItems, formatItem, replaceItem } from "../claim-text.js";
import type { ExpectedLine } from "../derive.js";
import { bundledVisitReason } from "../derive/visits.js";
import type { CheckInput, Report } from "./types.js";

export function checkVisitsAndDraws(input: CheckInput, items: ClaimItem[], report: Report) {
  const { derivation } = input;
  const lines = derivation.lines.filter((l) => l.kind === "visit" || l.kind === "port-draw");
  for (const item of items) checkItem(input, item, lines.find((l) => l.code === item.code), report);
  for (const line of lines) {
    if (input.claim.items.some((i) => i.code === line.code)) continue;
    const add = { code: line.code, units: line.units, modifiers: line.modifiers };
    report("missing-code", input.claim.keywordSpan, `${formatItem(add)} is missing from the claim: ${line.reason}.`, { title: `Add ${formatItem(add)} to the claim`, edits: [appendItems(input.claim, [add])] }, { related: [{ span: documentedAt(input, line), message: line.reason }] });
  }
}

function checkItem(input: CheckInput, item: ClaimItem, line: ExpectedLine | undefined, report: Report) {
  const { derivation, ctx, text, claim } = input;
  const written = text.slice(item.span.start, item.span.end);
  const remove = { title: `Remove '${written}'`, edits: [replaceItem(text, claim, item, [])] };
  const withheld = derivation.withheld.find((w) => w.code === item.code);
  const em = isEmCode(item.code);
  const adminCodes = derivation.lines.filter((l) => l.kind === "admin").map((l) => l.code);
  const bundled = em && adminCodes.length ? emBundling(ctx.payer, ctx.setting, item.code) : undefined;
  if (withheld?.rule === "em-bundled" || bundled) {
    const reason = withheld?.reason ?? bundledVisitReason(ctx.payer!.title, bundled!.reason, adminCodes);
    report("em-bundled", item.span, `${written} is not paid: ${reason}. Remove the line.`, remove, { related: withheld ? [{ span: withheld.span, message: "visit documented here" }] : [], source: (bundled ?? emBundling(ctx.payer, ctx.setting, item.code))?.source });
  } else if (withheld) {
    report("not-reportable", item.span, `${item.code} is not reportable here: ${withheld.reason}.`, remove, { related: [{ span: withheld.span, message: "blood draw documented here" }] });
  } else if (!line) {
    const what = em ? `an E/M visit, but no \`visit ${item.code}\` is documented in this encounter` : "blood drawn from an implanted port, but no `draw port` is documented in this encounter";
    report("unsupported-code", item.span, `${item.code} reports ${what}: remove it, or document the service.`, remove);
  } else if (line.modifiers.includes("25") && !item.modifiers.some((m) => m.value === "25")) {
    const fixed = { code: item.code, units: item.units, modifiers: [...item.modifiers.map((m) => m.value), "25"] };
    report("modifier-25-missing", item.span, `${written} is claimed with drug administration codes but without modifier 25: the visit is documented, so it is ${formatItem(fixed)} (${line.reason}). Without 25 the visit is denied as part of the administration.`, { title: `Change to ${formatItem(fixed)}`, edits: [replaceItem(text, claim, item, [fixed])] }, { related: [{ span: documentedAt(input, line), message: "visit documented here" }] });
  }
}

function documentedAt(input: CheckInput, line: ExpectedLine) {
  return line.kind === "visit" ? input.enc.visits[line.visit!].span : input.enc.administrations[line.admins[0]].span;
}

// The messages of the pairing rules: what was claimed, what the chart supports and why, in the
// words of the rule that explains the difference.
import type { AdminCode } from "../../data/types.js";
import type { ClaimItem } from "../../language/ast.js";
import { CATEGORY_WORDS, type ExpectedLine } from "../derive.js";
import { isInitialRole, type CheckInput, type ClaimedToken, type ExpectedToken } from "./types.js";

const code4 = (info: AdminCode) => `${info.code} (${info.summary.replace(/\.$/, "").toLowerCase()})`;

/** One case per rule: a table of messages, long for that reason only. */
export function describe(rule: string, item: ClaimItem, info: AdminCode, main: ClaimedToken, tokens: ClaimedToken[], input: CheckInput): string {
  const o = main.outcome!;
  const to = o.kind === "paired" ? o.to : undefined;
  const svc = (e: ExpectedToken) => {
    const s = input.derivation.services[e.line.admins[0]];
    return s ? `the ${s.drugName} ${CATEGORY_WORDS[s.category]}` : "the documented service";
  };
  const fixTo = to ? `; the chart supports ${to.code}${to.line.modifiers.map((m) => `-${m}`).join("")}: ${to.line.reason}` : "";
  switch (rule) {
    case "chemo-as-non-chemo":
      return `${info.code} is a ${info.family === "hydration" ? "hydration" : "non-chemo"} code, but ${to ? svc(to) : "this service"} is chemotherapy/complex drug administration${fixTo}.`;
    case "non-chemo-as-chemo": {
      const s = to ? input.derivation.services[to.line.admins[0]] : undefined;
      return `${info.code} is a chemotherapy administration code, but ${s?.drugName ?? "the drug"} is not chemotherapy${s?.drug?.note ? ` (${s.drug.note.replace(/[.]$/, "")})` : ""}${fixTo}.`;
    }
    case "hydration-as-infusion":
      return `${info.code} reports a drug administration, but ${to ? svc(to) : "the service"} is hydration${fixTo}.`;
    case "infusion-as-hydration":
      return `${info.code} is a hydration code, but ${to ? svc(to) : "the service"} is a drug administration${fixTo}.`;
    case "infusion-as-push": {
      const s = to ? input.derivation.services[to.line.admins[0]] : undefined;
      return `${info.code} is a push code, but the ${s?.drugName ?? ""} administration lasted ${s?.minutes ?? "16 or more"} min: 16 minutes or more is an infusion${fixTo}.`;
    }
    case "push-as-infusion": {
      const s = to ? input.derivation.services[to.line.admins[0]] : undefined;
      if (s?.admin.verb === "push") return `${info.code} is an infusion code, but ${s.drugName} is documented as an IV push${s.minutes === undefined ? "" : ` (${s.minutes} min)`}: a push is coded as a push whatever its length${fixTo}.`;
      return `${info.code} is an infusion code, but ${s ? `${s.drugName} ${s.minutes === undefined ? "has no documented infusion time" : `lasted ${s.minutes} min`}` : "the administration lasted 15 minutes or less"}: an infusion of 15 minutes or less is a push${fixTo}.`;
    }
    case "addon-without-primary":
      return `${info.code} is an add-on code, and none of its primary codes (${info.primaries.join(", ")}) is on the claim${to ? fixTo : ""}.`;
    case "duplicate-initial":
      return `${info.code} is claimed ${tokens.length > 1 ? `×${tokens.length}` : "beside another initial code"}, but only one initial service is reported per encounter without a documented second IV site${fixTo || `; the chart supports ${info.code} ×1`}.`;
    case "wrong-initial": {
      const init = input.derivation.lines.find((l) => l.role === "initial" && !l.modifiers.length);
      return `${info.code} is claimed as ${isInitialRole(info.role) ? "the initial service" : "an add-on"}, but the initial service is ${init ? `${init.code} (${init.reason})` : "another service"}${fixTo}.`;
    }
    case "modifier-inappropriate":
      return `${info.code} with modifier ${item.modifiers.map((m) => m.value).join("-")} reports a second initial service, but a higher-ranked service is documented and no second IV site is: it is an add-on${fixTo}.`;
    case "concurrent-as-sequential":
      return o.kind === "shadow" ? `${info.code} is a sequential code, but ${o.shadow.reason}.` : `${info.code} reports a sequential infusion, but ${to ? svc(to) : "the infusion"} ran at the same time as another${fixTo}.`;
    case "sequential-as-concurrent":
      return `96368 reports an infusion running at the same time as another, but ${to ? svc(to) : "the infusion"} was given after the other${fixTo}.`;
    case "same-drug-as-new":
      return o.kind === "shadow" ? `96375 is for a new drug, but ${o.shadow.reason}.` : `96375 is for a push of a new drug, but this is a repeat push of the same drug${fixTo}.`;
    case "new-drug-as-same":
      return `96376 is for a repeat push of the same drug, but ${to ? svc(to) : "this push"} is a new drug${fixTo}.`;
    case "facility-only":
    case "not-reportable":
      return o.kind === "shadow" ? `${info.code} is not reportable here: ${o.shadow.reason}.` : `${info.code} is not reportable here.`;
    case "units": {
      const lines = input.derivation.lines.filter((l) => l.code === info.code);
      const want = lines.reduce((n, l) => n + l.units, 0);
      const line = lines[0] ?? input.derivation.lines.find((l) => info.primaries.includes(l.code));
      return `${info.code} ×${item.units} is claimed, but the chart supports ×${want}${line ? `: ${unitSources(lines.length ? lines : [line])}` : ""}.`;
    }
    case "payer-edit":
      if (to?.line.payerFor) return `${info.code} is CPT's code for ${svc(to)}, but ${input.ctx.payer?.title ?? "this payer"} expects ${to.code} for it; the chart supports ${to.code}: ${to.line.reason}.`;
      return `${info.code} does not describe ${to ? svc(to) : "the documented service"}${fixTo}.`;
    case "wrong-code":
      return `${info.code} does not describe ${to ? svc(to) : "the documented service"}${fixTo}.`;
    default: {
      const want = input.derivation.lines.filter((l) => l.code === info.code).reduce((n, l) => n + l.units, 0);
      if (want) return `${info.code} ×${item.units} is claimed, but the documented administrations support ${info.code} ×${want}: ${input.derivation.lines.find((l) => l.code === info.code)!.reason}.`;
      return `No documented administration supports ${code4(info)}: remove it, or document the service it reports.`;
    }
  }
}

/** Where the units of a code come from, adding up to the total when several services earn them. */
function unitSources(lines: ExpectedLine[]): string {
  const parts = lines.flatMap((l) => l.parts ?? [{ units: l.units, reason: l.reason }]);
  if (parts.length === 1) return parts[0].reason;
  return parts.map((p) => `×${p.units} from ${p.reason}`).join("; ");
}

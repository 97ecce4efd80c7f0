// Payer substitutions (the payer profile's `substitutions`): a payer's own code for a service,
// such as Medicare's G0498 for a chemotherapy pump the clinic supplies. Reads: the payer profile,
// the setting and the service's pump kind. Applied by the service-codes pass as each code is chosen.
import { report } from "./state.js";
import type { DerivationState, Service } from "./types.js";

export function substitute(st: DerivationState, code: string, s: Service): string {
  const { ctx, enc } = st;
  for (const sub of ctx.payer?.substitutions ?? []) {
    if (sub.code !== code) continue;
    if (sub.pump && (sub.pump === "implanted") !== s.admin.implanted) continue;
    if (sub.settings && ctx.setting && !sub.settings.includes(ctx.setting)) continue;
    if (sub.settings && !ctx.setting)
      report(st, "setting-unstated", enc.headerSpan, `No setting is stated: ${sub.use} assumes ${sub.settings.join(" or ")} (${sub.reason}). State the setting.`);
    return sub.use;
  }
  return code;
}

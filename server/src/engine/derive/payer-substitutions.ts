// Payer substitutions (the payer profile's `substitutions`): a payer's own code for a service,
// such as Medicare's G0498 for a chemotherapy pump the clinic supplies, or IBX's 96372 for a
// leuprolide injection. Reads: the payer profile, the setting, the service's pump kind and drug. Applied by the service-codes pass as each code is chosen.
import { report } from "./state.js";
import type { DerivationState, Service } from "./types.js";

/** The payer's code for `code` given to `s`, with the payer's reason (undefined when CPT's code stands). */
export function payerCode(st: DerivationState, code: string, s: Service): { use: string; reason: string } | undefined {
  const { ctx, enc } = st;
  for (const sub of ctx.payer?.substitutions ?? []) {
    if (sub.code !== code) continue;
    if (sub.pump && (sub.pump === "implanted") !== s.admin.implanted) continue;
    if (sub.drugCodes && !s.drug?.codes.some((c) => sub.drugCodes!.includes(c.code))) continue;
    if (sub.settings && ctx.setting && !sub.settings.includes(ctx.setting)) continue;
    if (sub.settings && !ctx.setting)
      report(st, "setting-unstated", enc.headerSpan, `No setting is stated: ${sub.use} assumes ${sub.settings.join(" or ")} (${sub.reason}). State the setting.`);
    return { use: sub.use, reason: sub.reason };
  }
  return undefined;
}

export function substitute(st: DerivationState, code: string, s: Service): string {
  return payerCode(st, code, s)?.use ?? code;
}

// Injections by route and drug class: SC/IM (96401 chemo, 96402 hormonal, 96372 other),
// intralesional (96405) and intrathecal chemotherapy (96450); other routes have no code here. A
// payer's substitution for the drug (IBX: 96372 for leuprolide) shapes the code derived.
import { payerCode } from "../payer-substitutions.js";
import { emit, report, noteOutcome } from "../state.js";
import type { CodingWalk, Turn } from "./walk.js";

export function codeInjection(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  const route = s.admin.route?.value;
  const cls = s.drug?.class;
  let code: string | undefined;
  if (!route || route === "sc" || route === "im") code = cls === "chemo" ? "96401" : cls === "hormonal" ? "96402" : "96372";
  else if (route === "intralesional" && (cls === "chemo" || cls === "hormonal")) code = "96405";
  else if (route === "intrathecal" && cls === "chemo") code = "96450";
  if (!code) {
    noteOutcome(s, "no code in this family");
    report(st, "no-code", s.admin.span, `An ${route} injection of ${s.drugName} (not chemotherapy) has no code in the drug administration family (96360-96549); code it from the procedure section.`);
    return;
  }
  const why = `${s.drugName} ${route ?? "SC/IM"} injection (${cls === "chemo" ? "chemotherapy" : cls === "hormonal" ? "hormonal anti-neoplastic" : "non-chemo"})`;
  const payer = payerCode(st, code, s);
  if (payer) emit(st, s, payer.use, 1, "standalone", `${why}: ${st.ctx.payer!.title}: ${payer.reason}`, { payerFor: code });
  else emit(st, s, code, 1, "standalone", why);
}

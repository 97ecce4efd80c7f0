// Pass "visits" (LANGUAGE.md §4 step 6). Reads: the encounter's `visit CODE` lines, the
// administration lines the service-codes pass derived, the payer profile and the setting.
// Adds: one E/M line per documented visit — with modifier 25 beside any administration code
// (for G0463 in a hospital outpatient department: beside a code whose OPPS status indicator is
// S or T) — or, where the payer bundles the visit (Medicare 99211 in an office), nothing, with
// the reason kept in `withheld` so a claimed one meets `em-bundled`.
// Runs after the service codes because modifier 25 depends on which administration codes exist.
import { adminCode, emBundling, isEmCode, otherCode } from "../catalogue.js";
import { report } from "./state.js";
import type { DerivationState, ExpectedLine } from "./types.js";

/** OPPS I/OCE edit 21: a clinic visit with a significant procedure (status S or T) needs modifier 25. */
const SIGNIFICANT_PROCEDURE = new Set(["S", "T"]);

export function codeVisits(st: DerivationState) {
  if (!st.enc.visits.length) return;
  const adminLines = st.lines.filter((l) => l.kind === "admin");
  const visitLines: ExpectedLine[] = [];
  st.enc.visits.forEach((v, i) => {
    const code = v.code.value.toUpperCase();
    if (!isEmCode(code)) {
      report(st, "unchecked-code", v.code.span, `${code} is not an E/M visit code this tool knows (99202-99205, 99211-99215, G0463): nothing is derived for this visit, and a claimed ${code} is not checked.`);
      return;
    }
    const bundled = adminLines.length ? emBundling(st.ctx.payer, st.ctx.setting, code) : undefined;
    if (bundled) {
      const reason = bundledVisitReason(st.ctx.payer!.title, bundled.reason, adminLines.map((l) => l.code));
      st.withheld.push({ code, rule: "em-bundled", reason, span: v.span });
      st.notes.push(`visit ${code}: not reportable. ${reason}.`);
      return;
    }
    const { with25, why } = modifier25(st, code, adminLines);
    const existing = visitLines.find((l) => l.code === code);
    if (existing) {
      existing.units += 1;
      return;
    }
    visitLines.push({ code, units: 1, modifiers: with25 ? ["25"] : [], admins: [], visit: i, role: "standalone", kind: "visit", reason: `${otherCode(code)!.facilityVisit ? "clinic visit" : "E/M visit"} documented as significant and separately identifiable${why}`, order: -2 });
  });
  // The visit leads the claim, as E/M lines usually do.
  st.lines.unshift(...visitLines);
}

function modifier25(st: DerivationState, code: string, adminLines: ExpectedLine[]): { with25: boolean; why: string } {
  if (!adminLines.length) return { with25: false, why: " (no administration code is derived, so no modifier 25)" };
  if (otherCode(code)!.facilityVisit && st.ctx.setting === "hopd") {
    const significant = adminLines.find((l) => SIGNIFICANT_PROCEDURE.has(adminCode(l.code)?.opps ?? ""));
    return significant
      ? { with25: true, why: `; modifier 25 because ${significant.code} (OPPS status indicator ${adminCode(significant.code)!.opps}) is on the claim (OPPS I/OCE edit 21)` }
      : { with25: false, why: `; no modifier 25: none of ${adminLines.map((l) => l.code).join(", ")} has OPPS status indicator S or T` };
  }
  return { with25: true, why: `; modifier 25 because ${adminLines.map((l) => l.code).join(", ")} ${adminLines.length > 1 ? "are" : "is"} reported the same day (NCCI Policy Manual Ch. XI)` };
}

/** Why a payer does not pay the visit beside these administration codes (shared with the claim check). */
export const bundledVisitReason = (payer: string, reason: string, codes: string[]) =>
  `${payer}: ${reason} (${codes.join(", ")} ${codes.length === 1 ? "is" : "are"} derived here)`;

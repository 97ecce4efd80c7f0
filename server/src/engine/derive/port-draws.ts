// Pass "port draws" (LANGUAGE.md §3 `draw port`, §4 step 3). Reads: the classified services and
// the encounter's visits. Adds: 36591 when blood drawn from an implanted port is the only service
// (laboratory tests aside; a flush of the same port is part of it, see pumps-and-ports.ts), or —
// when a drug administration, hydration, injection, pump service or E/M visit is documented —
// nothing, with the reason kept in `withheld` so a claimed 36591 meets `not-reportable`.
// One 36591 per encounter, however many draws are charted (one date of service).
import { noteOutcome } from "./state.js";
import { PORT_DRAW_RULE } from "../../data/other-codes.js";
import type { DerivationState, Service } from "./types.js";
import { CATEGORY_WORDS } from "./types.js";

/** Categories that are not services of their own: oral drugs, line flushes, the port's own flush and draws. */
const NOT_A_SERVICE = new Set(["oral", "none", "flush", "draw"]);

export function codePortDraws(st: DerivationState) {
  const draws = st.services.filter((s) => s.category === "draw");
  if (!draws.length) return;
  const code = PORT_DRAW_RULE.code;
  const other = st.services.find((s) => !NOT_A_SERVICE.has(s.category));
  const visit = st.enc.visits[0];
  if (other || visit) {
    const what = other ? `the ${other.drugName} ${CATEGORY_WORDS[other.category]} is documented` : `an E/M visit (visit ${visit.code.value}) is documented`;
    const reason = `${what}; ${code} is reported only when no other service except laboratory tests is given (CPT; NCCI)`;
    for (const s of draws) {
      noteOutcome(s, `not reportable: ${what}`);
      st.withheld.push({ code, rule: "not-reportable", reason, span: s.admin.span });
    }
    return;
  }
  draws.forEach((s: Service) => noteOutcome(s, code));
  st.lines.push({ code, units: 1, modifiers: [], admins: draws.map((s) => s.index), role: "standalone", kind: "port-draw", reason: "blood drawn from an implanted port, the only service besides laboratory tests", order: st.nextOrder++ });
}

// Services with no administration code: oral drugs, and a push or infusion of a fluid (a line
// flush, included in the other services). Each leaves a shadow so a claimed code is explained.
import { shadow, noteOutcome } from "../state.js";
import type { CodingWalk, Turn } from "./walk.js";

export function codeUncoded(w: CodingWalk, t: Turn) {
  const { s } = t;
  if (s.category === "oral") {
    noteOutcome(s, "no administration code: given by mouth");
    shadow(w.st, s, "*", "not-reportable", `${s.drugName} was given by mouth; oral drugs have no administration code`);
  } else if (s.admin.verb === "push" || s.admin.verb === "infuse") {
    noteOutcome(s, "included: a fluid push is a line flush");
    shadow(w.st, s, "*", "not-reportable", `a push of ${s.drugName} is a line flush, included in the other services`);
  }
}

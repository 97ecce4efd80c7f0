// Pump and port services: a prolonged chemotherapy infusion started on a pump (96416, or the
// payer's substitute such as Medicare's G0498), a pump refill (96521, 96522) and a port flush
// (96523, only when it is the sole service of the encounter; part of a draw from the same port).
import { substitute } from "../payer-substitutions.js";
import { emit, report, shadow, noteOutcome } from "../state.js";
import { CATEGORY_WORDS } from "../types.js";
import type { CodingWalk, Turn } from "./walk.js";

export function codePump(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  if (s.drug?.class !== "chemo" && s.drug?.class !== "hormonal") {
    noteOutcome(s, "no code: 96416 is for chemotherapy");
    report(st, "no-code", s.admin.span, `${s.drugName} is not chemotherapy: 96416 (prolonged infusion by pump) describes chemotherapy only, so nothing is derived for this pump start.`);
    return;
  }
  const code = substitute(st, "96416", s);
  emit(st, s, code, 1, "standalone", code === "96416" ? `start of a prolonged ${s.drugName} infusion (over 8 hours) on a ${s.admin.implanted ? "implantable" : "portable"} pump` : `start of a prolonged ${s.drugName} infusion on a clinic-supplied portable pump: ${st.ctx.payer?.title ?? "payer"} uses ${code}, which includes the disconnect visit`);
}

export function codeRefill(w: CodingWalk, t: Turn) {
  const implanted = t.s.admin.implanted;
  emit(w.st, t.s, implanted ? "96522" : "96521", 1, "standalone", implanted ? "refill and maintenance of an implanted pump" : "refill and maintenance of a portable pump");
}

export function codeFlush(w: CodingWalk, t: Turn) {
  const { st } = w;
  const { s } = t;
  const other = w.otherServices.find((o) => o !== s && o.admin.verb !== "draw");
  const draw = w.otherServices.find((o) => o.admin.verb === "draw");
  if (!other && draw) {
    noteOutcome(s, "included in the port draw");
    shadow(st, s, "96523", "not-reportable", "the port flush is part of the blood draw from the same port in this visit (36591 includes it)");
  } else if (other) {
    noteOutcome(s, "not reportable beside other services");
    shadow(st, s, "96523", "not-reportable", `the port flush is not the only service (the ${other.drugName} ${CATEGORY_WORDS[other.category]} is documented); 96523 is reported only when it is the sole service`);
  } else if (!st.lines.some((l) => l.code === "96523")) emit(st, s, "96523", 1, "standalone", "port flush, the only service of the encounter");
}

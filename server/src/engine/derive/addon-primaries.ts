// Pass "add-on primaries". Reads: the administration lines. Removes: an add-on none of whose
// primary codes is derived (96368 beside a 96409 initial), with a `no-code` finding saying why:
// payers deny an add-on without its primary (CARC 107); the removed lines stay in `droppedAddOns`.
// Runs right after the service codes, so modifier 25 and 99211 bundling count only codes that stay.
import { adminCode } from "../catalogue.js";
import { report } from "./state.js";
import type { DerivationState, ExpectedLine } from "./types.js";

export function dropOrphanAddOns(st: DerivationState) {
  let orphan = findOrphan(st.lines);
  while (orphan) {
    const line = orphan;
    st.lines = st.lines.filter((l) => l !== line);
    st.droppedAddOns.push(line);
    const info = adminCode(line.code)!;
    report(st, "no-code", st.enc.administrations[line.admins[0]].span, `${line.code} (${line.reason}) is reported only with ${info.primaries.join(", ")}, and none of them is derived for this encounter, so it is left off: payers deny an add-on without its primary code (CARC 107).`);
    orphan = findOrphan(st.lines);
  }
}

/** The first add-on line none of whose primary codes is derived. */
function findOrphan(lines: ExpectedLine[]): ExpectedLine | undefined {
  for (const l of lines) {
    const info = adminCode(l.code);
    if (info?.addOn && !info.primaries.some((p) => lines.some((x) => x.code === p))) return l;
  }
  return undefined;
}

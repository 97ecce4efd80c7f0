// Pass "concurrency". Reads: `with DRUG` clauses and the start/end of infusion-like services.
// Adds: each service's `concurrent` list (both ways), from `with` (the latest earlier
// administration of that drug) and from overlapping documented times; a `with` naming no earlier
// administration is a `syntax` finding.
import { report } from "./state.js";
import { infusionLike, type DerivationState, type Service } from "./types.js";

export function linkConcurrency(st: DerivationState) {
  const { services } = st;
  for (const s of services) {
    const ref = s.admin.with;
    if (!ref) continue;
    const key = st.ctx.drugs.byName(ref.key)?.name.toLowerCase() ?? ref.key;
    const target = services.slice(0, s.index).reverse().find((o) => o.drugKey === key);
    if (!target) {
      report(st, "syntax", ref.span, `'with ${ref.text}': no earlier administration of ${ref.text} in this encounter`);
      continue;
    }
    link(s, target);
  }
  for (let i = 0; i < services.length; i++)
    for (let j = i + 1; j < services.length; j++) {
      const a = services[i];
      const b = services[j];
      if (!infusionLike(a.category) || !infusionLike(b.category)) continue;
      if (a.start === undefined || a.end === undefined || b.start === undefined || b.end === undefined) continue;
      if (a.start < b.end && b.start < a.end) link(a, b);
    }
}

function link(a: Service, b: Service) {
  if (!a.concurrent.includes(b)) a.concurrent.push(b);
  if (!b.concurrent.includes(a)) b.concurrent.push(a);
}

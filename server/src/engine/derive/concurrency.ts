// Pass "concurrency". Reads: `with DRUG` clauses and the start/end of infusion-like services.
// Adds: each service's `concurrent` list (both ways), from `with` (the latest earlier
// administration of that drug) and from overlapping documented times; a `with` naming no earlier
// administration is a `syntax` finding. Each list holds the `with` links first, then the services
// whose times overlap, in the order listed.
import { adding } from "../../language/empty-list.js";
import { report } from "./state.js";
import { infusionLike, type DerivationState, type Service } from "./types.js";
import { pushTo } from "../push-to.js";

export function linkConcurrency(st: DerivationState) {
  const { services } = st;
  // Most encounters have no `with` and fewer than two timed infusions: then nothing is built.
  let linked: Map<Service, Set<Service>> | undefined;
  const add = (a: Service, b: Service) => {
    linked ??= new Map();
    let set = linked.get(a);
    if (!set) linked.set(a, (set = new Set()));
    if (set.has(b)) return;
    set.add(b);
    a.concurrent = adding(a.concurrent, b);
  };
  if (services.some((s) => s.admin.with)) linkWith(st, add);
  if (countTimed(services) < 2) return; // nothing can overlap
  const timed = services.filter((s): s is Service & Timed => isTimed(s));
  const partners = new Map<Service, Service[]>();
  overlappingPairs(timed, (a, b) => {
    pushTo(partners, a, b);
    pushTo(partners, b, a);
  });
  for (const s of services) for (const o of (partners.get(s) ?? []).sort((a, b) => a.index - b.index)) add(s, o);
}

const isTimed = (s: Service) => infusionLike(s.category) && s.start !== undefined && s.end !== undefined;

function countTimed(services: Service[]): number {
  let n = 0;
  for (const s of services) if (isTimed(s)) n++;
  return n;
}

/** `with DRUG`: linked to the latest earlier administration of that drug, both ways. */
function linkWith(st: DerivationState, add: (a: Service, b: Service) => void) {
  const latest = new Map<string, Service>(); // drug key → its latest administration so far
  for (const s of st.services) {
    const ref = s.admin.with;
    if (ref) {
      const target = latest.get(st.ctx.drugs.byName(ref.key)?.name.toLowerCase() ?? ref.key);
      if (target) {
        add(s, target);
        add(target, s);
      } else report(st, "syntax", ref.span, `'with ${ref.text}': no earlier administration of ${ref.text} in this encounter`);
    }
    latest.set(s.drugKey, s);
  }
}

export interface Timed {
  start: number;
  end: number;
}

/**
 * Calls `visit` once for every pair of intervals that overlap (a.start < b.end and b.start <
 * a.end), sweeping over start times with the set of intervals still running: near-linear in the
 * number of intervals plus the pairs found. Returns the number of comparisons made.
 */
export function overlappingPairs<T extends Timed>(items: readonly T[], visit: (a: T, b: T) => void): number {
  const byStart = [...items].sort((a, b) => a.start - b.start);
  let running: T[] = [];
  let comparisons = 0;
  for (const c of byStart) {
    // Started no later than c; those ended by c's start can overlap nothing from here on.
    running = running.filter((a) => a.end > c.start);
    for (const a of running) {
      comparisons++;
      if (a.start < c.end && c.start < a.end) visit(a, c);
    }
    running.push(c);
  }
  return comparisons;
}

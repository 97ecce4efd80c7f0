// Random encounter files for the fuzz suites: plausible charts (so the engine's paths are
// exercised), then mutated (bytes inserted, lines cut, duplicated or swapped, control and
// escape characters, odd Unicode), as a hostile or damaged export would be.
import fc from "fast-check";

/** FUZZ_RUNS scales every suite: small in `npm test`, large in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
export const SEED = Number(process.env.FUZZ_SEED ?? 20260911);

const drugs = ["rituximab", "doxorubicin", "ondansetron", "Benadryl", "famotidine", "pembrolizumab", "\"normal saline\"", "leuprolide", "zzzumab", "on\u001b[2Jdansetron"];
const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

const administration = fc.oneof(
  fc.tuple(fc.constantFrom("push", "infuse", "hydrate", "inject", "pump", "oral"), fc.constantFrom(...drugs), fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 300 }))
    .map(([verb, drug, dose, min]) => `  ${verb} ${drug} ${dose}mg ${min}min`),
  fc.tuple(fc.constantFrom(...drugs), fc.integer({ min: 420, max: 1200 }), fc.integer({ min: 1, max: 300 })).map(([d, s, m]) => `  infuse ${d} 100mg ${clock(s)}-${clock(s + m)}`),
  fc.constantFrom("  refill pump", "  flush port"),
);
const claim = fc.array(fc.constantFrom("96413", "96415 x3", "96409", "96374", "96375", "96360", "96361 x2", "J9312 x70", "96376", "96368", "96413-59", "99999"), { maxLength: 5 })
  .map((items) => (items.length ? `  claim ${items.join(", ")}` : ""));
const encounter = fc.tuple(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", "  setting office", "  setting hopd", "  setting home"),
  fc.constantFrom("", "  payer medicare", "  payer ibx", "  payer nobody"),
  fc.constantFrom("", "  date 2026-03-01", "  date 2023-06-01"),
  fc.array(administration, { minLength: 1, maxLength: 5 }),
  claim,
).map(([name, ...rest]) => [`encounter "${name.replace(/["\n\r]/g, "")}"`, ...rest.flat()].filter(Boolean).join("\n"));

export const chart = fc.array(encounter, { minLength: 1, maxLength: 4 }).map((es) => es.join("\n") + "\n");

const hostileChar = fc.constantFrom("\u0000", "\u0007", "\u001b[2J", "\u001b]0;x\u0007", "\r", "\t", "\u0085", "\u009b", "\u202e", "\ud800", "\udfff", "\ufeff", "😀", "&", "<", "\"", "'", "]]>", "×", "\u2028");
const mutation = fc.oneof(
  fc.tuple(fc.nat(), fc.oneof(hostileChar, fc.string({ maxLength: 8 }))).map(([at, s]) => (t: string) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
  fc.tuple(fc.nat(), fc.nat({ max: 30 })).map(([at, n]) => (t: string) => t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n)),
  fc.nat().map((k) => (t: string) => {
    const lines = t.split("\n");
    const i = k % lines.length;
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join("\n");
  }),
  fc.nat().map((k) => (t: string) => {
    const lines = t.split("\n");
    const i = k % lines.length;
    const j = (i + 1) % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join("\n");
  }),
);

/** A chart with up to six mutations, or plain random text. */
export const encounterFile = fc.oneof(
  { arbitrary: fc.tuple(chart, fc.array(mutation, { maxLength: 6 })).map(([t, ms]) => ms.reduce((acc, m) => m(acc), t)), weight: 4 },
  { arbitrary: fc.string({ maxLength: 300, unit: "binary" }), weight: 1 },
);

/** Lines describing an administration (what --fix must never change). */
export const administrationLines = (text: string) =>
  text.split(/\r?\n/).filter((l) => /^\s*(push|infuse|hydrate|inject|pump|oral|refill|flush)\b/i.test(l)).sort();

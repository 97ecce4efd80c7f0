// Integrity of the drug table: every value sourced, codes unique, products tied to their molecule,
// retired codes followed by their replacements. These fail when a data edit breaks an invariant.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DRUGS } from "../../server/src/data/drugs.js";
import type { DrugEntry, HcpcsCode } from "../../server/src/data/types.js";
import { normalizeName } from "../../server/src/language/names.js";

const allCodes = (): { drug: DrugEntry; code: HcpcsCode }[] => DRUGS.flatMap((drug) => drug.codes.map((code) => ({ drug, code })));
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const dayAfter = (d: string) => new Date(Date.parse(d + "T00:00:00Z") + 86_400_000).toISOString().slice(0, 10);

test("every drug and every code says where it comes from", () => {
  for (const d of DRUGS) assert.ok(d.source.trim(), `${d.name}: no source`);
  for (const { drug, code } of allCodes()) {
    assert.ok(code.source.trim(), `${drug.name} ${code.code}: no source`);
    assert.ok(code.descriptor.trim(), `${drug.name} ${code.code}: no descriptor`);
    if (code.container) assert.ok(code.container.source.trim(), `${code.code}: container without source`);
    if (code.opps) assert.ok(code.opps.source.trim(), `${code.code}: status indicator without source`);
  }
});

test("a HCPCS code belongs to exactly one product, and is well formed", () => {
  const seen = new Map<string, string>();
  for (const { drug, code } of allCodes()) {
    assert.match(code.code, /^[A-Z]\d{4}$/, `${drug.name}: ${code.code}`);
    assert.ok(!seen.has(code.code), `${code.code} is in both ${seen.get(code.code)} and ${drug.name}`);
    seen.set(code.code, drug.name);
    assert.ok(code.unit.amount > 0, `${code.code}: billing unit`);
  }
});

test("a name (generic, brand or nonproprietary) means one drug only", () => {
  const owner = new Map<string, string>();
  for (const d of DRUGS)
    for (const n of new Set([d.name, ...d.aliases].map(normalizeName))) {
      assert.ok(!owner.has(n), `"${n}" names both ${owner.get(n)} and ${d.name}`);
      owner.set(n, d.name);
    }
});

test("effective dates are dates, ordered, and a retired code is replaced the next day", () => {
  for (const { drug, code } of allCodes()) {
    if (code.from) assert.match(code.from, ISO, `${code.code} from`);
    if (code.until) assert.match(code.until, ISO, `${code.code} until`);
    if (code.from && code.until) assert.ok(code.from <= code.until, `${code.code}: from after until`);
    if (!code.until || code.derive === false) continue;
    const next = dayAfter(code.until);
    const successor = drug.codes.find((c) => c.from === next && c.derive !== false);
    assert.ok(successor, `${drug.name}: ${code.code} ends ${code.until} but no derivable code starts ${next}`);
  }
});

test("every code in force today carries its April 2026 OPPS status indicator; retired codes carry none", () => {
  for (const { code } of allCodes()) {
    if (code.until) assert.equal(code.opps, undefined, `${code.code} is retired`);
    else assert.ok(code.opps, `${code.code}: no OPPS status indicator`);
  }
});

test("each product names a generic of the table and takes its class; its own codes can be derived", () => {
  const generics = new Map(DRUGS.filter((d) => !d.product).map((d) => [d.name, d]));
  const products = DRUGS.filter((d) => d.product);
  assert.ok(products.length >= 11);
  for (const p of products) {
    const ref = generics.get(p.product!.of);
    assert.ok(ref, `${p.name}: unknown reference ${p.product!.of}`);
    assert.equal(p.class, ref.class, `${p.name} class`);
    assert.ok(p.codes.length && p.codes.every((c) => c.derive !== false), `${p.name}: own codes must be derivable`);
    if (p.product!.nonproprietary) assert.ok(p.aliases.includes(p.product!.nonproprietary), `${p.name}: nonproprietary name is an alias`);
  }
});

test("the biosimilars LANGUAGE.md §3 names are products with their own Q-code, 10 mg or 0.5 mg units", () => {
  const expected: [string, string, string, number][] = [
    ["Truxima", "rituximab", "Q5115", 10], ["Ruxience", "rituximab", "Q5119", 10], ["Riabni", "rituximab", "Q5123", 10],
    ["Mvasi", "bevacizumab", "Q5107", 10], ["Zirabev", "bevacizumab", "Q5118", 10],
    ["Kanjinti", "trastuzumab", "Q5117", 10], ["Ogivri", "trastuzumab", "Q5114", 10], ["Trazimera", "trastuzumab", "Q5116", 10],
    ["Fulphila", "pegfilgrastim", "Q5108", 0.5], ["Udenyca", "pegfilgrastim", "Q5111", 0.5], ["Ziextenzo", "pegfilgrastim", "Q5120", 0.5],
  ];
  for (const [name, of, code, amount] of expected) {
    const d = DRUGS.find((x) => x.name === name);
    assert.ok(d, name);
    assert.equal(d.product?.of, of, name);
    assert.deepEqual(d.codes.map((c) => [c.code, c.unit.amount, c.unit.unit]), [[code, amount, "mg"]], name);
    const ref = DRUGS.find((x) => x.name === of)!;
    assert.ok(!ref.codes.some((c) => c.code === code), `${code} must not stay on ${of}`);
    assert.ok(!ref.aliases.map(normalizeName).includes(normalizeName(name)), `${name} must not stay an alias of ${of}`);
  }
});

test("a generic keeps one derivable code per date, except where strengths compete (methylprednisolone before April 2024)", () => {
  const competing = new Set(["methylprednisolone", "methylprednisolone acetate", "normal saline", "D5W"]);
  for (const d of DRUGS.filter((x) => !x.product && !competing.has(x.name))) {
    for (const date of ["2019-06-01", "2023-06-01", "2024-06-01", "2026-06-01"]) {
      const n = d.codes.filter((c) => c.derive !== false && (!c.from || c.from <= date) && (!c.until || date <= c.until)).length;
      assert.ok(n <= 1, `${d.name} has ${n} derivable codes on ${date}`);
    }
  }
});

// Integrity of the code catalogue, the modifier list and the payer profiles.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ADMIN_CODES } from "../../server/src/data/codes.js";
import { MODIFIERS, NCCI_ASSOCIATED_MODIFIERS } from "../../server/src/data/modifiers.js";
import { LAB_RANGES, OTHER_CODES, PORT_DRAW_RULE } from "../../server/src/data/other-codes.js";
import { PAYERS } from "../../server/src/data/payers/index.js";
import { parsePayer } from "../../cli/src/config.js";

const STATUS_KEY = new Set(["A", "B", "C", "D", "E1", "E2", "F", "G", "H", "J1", "J2", "K", "K1", "K2", "L", "M", "N", "P", "Q1", "Q2", "Q3", "Q4", "R", "S", "T", "U", "V", "X", "Y"]);

test("every administration code has an OPPS status indicator of the key and a source", () => {
  for (const c of ADMIN_CODES) {
    assert.ok(c.opps && STATUS_KEY.has(c.opps), `${c.code}: ${c.opps}`);
    assert.ok(c.source.includes("[ADDB]"), `${c.code}: status source`);
  }
});

test("E/M, clinic visit and port-draw codes: unique, sourced, with status indicators", () => {
  const codes = OTHER_CODES.map((c) => c.code);
  assert.equal(new Set(codes).size, codes.length);
  for (const c of ["99202", "99203", "99204", "99205", "99211", "99212", "99213", "99214", "99215", "G0463", "36591"]) assert.ok(codes.includes(c), c);
  for (const c of OTHER_CODES) {
    assert.ok(STATUS_KEY.has(c.opps.si) && c.opps.source && c.source && c.descriptor && c.summary, c.code);
    assert.ok(!ADMIN_CODES.some((a) => a.code === c.code), `${c.code} is also an administration code`);
  }
  assert.ok(PORT_DRAW_RULE.source && PORT_DRAW_RULE.includes.includes("96523"));
  for (const r of LAB_RANGES) assert.ok(r.from < r.to && r.source, r.from);
});

test("modifiers: two characters, unique, explained and sourced; the spec's set and every NCCI-associated one are known", () => {
  const known = new Set(MODIFIERS.map((m) => m.code));
  assert.equal(known.size, MODIFIERS.length, "duplicate modifier");
  for (const m of MODIFIERS) {
    assert.match(m.code, /^[A-Z0-9]{2}$/, m.code);
    assert.ok(m.meaning.trim() && m.source.trim(), m.code);
    if (m.validFrom) assert.match(m.validFrom, /^\d{4}-\d{2}-\d{2}$/, m.code);
  }
  for (const m of "25 59 76 77 XE XP XS XU JW JZ JG TB GA GY GZ KX".split(" ")) assert.ok(known.has(m), `spec modifier ${m}`);
  for (const m of NCCI_ASSOCIATED_MODIFIERS) assert.ok(known.has(m), `NCCI modifier ${m} is not known`);
  assert.equal(new Set(NCCI_ASSOCIATED_MODIFIERS).size, 44, "E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, LM, RC, RI, 24, 25, 27, 57, 58, 59, 78, 79, 91, XE, XP, XS, XU");
});

test("the built-in payer profiles pass the same checks as a user's payer file, and every rule has a source", () => {
  for (const p of PAYERS) {
    assert.doesNotThrow(() => parsePayer(`${p.id}.json`, JSON.parse(JSON.stringify(p))));
    for (const r of [...(p.substitutions ?? []), ...(p.edits ?? []), ...(p.emBundling ?? [])]) assert.ok(r.source.trim(), p.id);
  }
  const w = PAYERS.find((p) => p.id === "medicare")!.wasteModifiers!;
  assert.deepEqual([w.jwFrom, w.jzFrom, w.settings], ["2017-01-01", "2023-07-01", ["office", "hopd"]]);
  assert.match(w.jwSource, /9603/);
  assert.match(w.jzSource, /13056/);
});

test("a payer file with a bad waste-modifier policy is refused with the file, the field and what was expected", () => {
  const bad = { id: "x", names: ["x"], title: "X", source: "s", wasteModifiers: { settings: ["office"], jwFrom: "2017-1-1", jzFrom: "2023-07-01", jwSource: "a", jzSource: "b", hopdSource: "c", hopdSeparatelyPaid: ["K"] } };
  assert.throws(() => parsePayer("acme.json", bad), /acme\.json: 'wasteModifiers\.jwFrom' must be a date YYYY-MM-DD \(found "2017-1-1"\)/);
  const badEm = { id: "x", names: ["x"], title: "X", source: "s", emBundling: [{ code: "99211", settings: ["clinic"], reason: "r", source: "s" }] };
  assert.throws(() => parsePayer("acme.json", badEm), /acme\.json: 'emBundling\[0\]\.settings' must list settings among office, hopd, home/);
});

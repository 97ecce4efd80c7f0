// Diagnostics kept per encounter between keystrokes must equal a fresh conversion of every finding,
// group by group or (with directives, or other severities) in the file's order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { TextDocument } from "vscode-languageserver-textdocument";
import { asciiJson, DiagnosticCache, JSON_TEXT, toDiagnostic } from "../../server/src/lsp/convert.js";
import { DocumentModel, type Edit } from "../../server/src/service/document-model.js";

const dir = "test/fixtures/worked-examples";
const fixtures = readdirSync(dir).map((f) => readFileSync(`${dir}/${f}`, "utf8"));
const START = `setting hopd\n` + fixtures.map((t, i) => (t.includes("encounter") ? t : `encounter E${i}\n${t}`)).join("\n");
/** Edits that add and remove lines above encounters, break headers and change claims. */
const PIECES = ["\n", "\n\n", "\u2028", "×", "encounter X\n", "claim 96413", ", 96415 x2", " ondansetron 4mg 5min", "x", "# note\n", "96409", "push ondansetron 4mg 5min\n", "\r\n"];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

type Diagnostic = ReturnType<DiagnosticCache["diagnostics"]>[number];

/**
 * The cache's list for `text` (as version `version`), checked against a fresh conversion of the
 * model's findings; `grouped`: made group by group, so it keeps its JSON text.
 */
function checkedList(cache: DiagnosticCache, model: DocumentModel, text: string, version: number, grouped: boolean) {
  const doc = TextDocument.create("file:///t.encounter", "encounter", version, text);
  const list = cache.diagnostics(doc, model);
  assert.deepEqual(list, model.findings.map((f) => toDiagnostic(doc, f)));
  assert.equal(!!list[JSON_TEXT], grouped, grouped ? "group by group" : "in the file's order");
  return list;
}

/**
 * Directives of every kind: at the top, inside encounters, between them (a disable-next-line
 * above a header reaches the header line), blocks closed by an enable in a later encounter, bad
 * ones. They are all taken group by group, unless unused directives are reported.
 */
const VARIANTS: ((start: string) => string)[] = [
  (t) => t,
  (t) => `# encounter-lint-disable waste-undocumented -- reviewed by the auditor\n${t}`,
  (t) => `# encounter-lint-disable long-push, non-chemo-as-chemo\n# ENCOUNTER-LINT-DISABLE waste-undocumented long-push\n${t}`,
  (t) => `# encounter-lint-disable long-push\n${t.replace(/\n  claim/g, "\n  # encounter-lint-disable-next-line non-chemo-as-chemo duplicate-initial -- payer\n  claim")}`,
  (t) => `# encounter-lint-disable-next-line units\n${t}`,
  (t) => `# encounter-lint-disable nonsense\n${t}`,
  (t) => `# encounter-lint-disable units\n# encounter-lint-enable units\n${t}`,
  (t) => t.replace("\n  claim", "\n  # encounter-lint-disable duplicate-initial\n  claim"),
  (t) => t.replace(/\nencounter/g, (header, i) => (i % 3 ? header : `\n# encounter-lint-disable-next-line missing-claim, retired-code${header}`)),
  (t) => t.replace(/\n  claim/g, (claim, i) => `\n  # encounter-lint-${i % 2 ? "enable" : "disable"} units non-chemo-as-chemo${claim}`),
  (t) => t.replace(/\n  claim/g, (claim, i) => (i % 4 ? claim : `\n  # encounter-lint-disable-next-line units, bogus${claim}`)),
];
/** Edits may add a directive too: above the first encounter (a new set of silenced rules) or inside one. */
const DIRECTIVES = ["# encounter-lint-disable retired-code\n", "# encounter-lint-disable-next-line facility-only\n", "  # encounter-lint-disable-next-line modifier-25-missing\n", "# encounter-lint-enable units\n", "# encounter-lint-disable units\n"];

test("cached diagnostics equal a fresh conversion after random edits", () => {
  let groupwise = 0;
  let directed = 0;
  for (let seed = 1; seed <= 33; seed++) {
    const random = rng(seed);
    const severities = seed % 3 === 0 ? ({ units: "warning", "missing-code": "off", "bad-directive": "info" } as const) : undefined;
    const model = new DocumentModel({ fileName: "t", severities, reportUnusedDisableDirectives: seed % 7 === 0 });
    const cache = new DiagnosticCache(true);
    let text = VARIANTS[seed % VARIANTS.length](START);
    let doc = TextDocument.create("file:///t.encounter", "encounter", 1, text);
    model.update(text);
    assert.ok(model.findings.length > 0);
    for (let step = 0; step < 40; step++) {
      const at = Math.floor(random() * (text.length + 1));
      let edit: Edit;
      if (random() < 0.35) {
        const cut = Math.min(text.length - at, Math.floor(random() * 15));
        text = text.slice(0, at) + text.slice(at + cut);
        edit = { start: at, end: at + cut };
      } else {
        const inserted = random() < 0.05 ? DIRECTIVES[Math.floor(random() * DIRECTIVES.length)] : PIECES[Math.floor(random() * PIECES.length)];
        text = text.slice(0, at) + inserted + text.slice(at);
        edit = { start: at, end: at };
      }
      doc = TextDocument.create(doc.uri, "encounter", doc.version + 1, text);
      model.update(text, undefined, edit);
      const fresh = model.findings.map((f) => toDiagnostic(doc, f));
      const list = cache.diagnostics(doc, model);
      assert.deepEqual(list, fresh, `seed ${seed} step ${step}`);
      // The kept JSON text (what the stdio writer sends) reads back as the same diagnostics.
      const kept = list[JSON_TEXT];
      if (kept) assert.deepEqual(JSON.parse(`[${kept.map((b) => Buffer.from(b).toString("latin1")).join("")}]`), JSON.parse(JSON.stringify(fresh)), `seed ${seed} step ${step}: JSON text`);
      // A list made group by group keeps its JSON text; it is in the file's order only when a
      // finding reaches outside its encounter, or unused directives are reported.
      if (!text.includes("encounter-lint-")) {
        assert.ok(kept, "group by group, the list keeps its JSON text");
        groupwise++;
      } else if (kept) directed++;
      else assert.ok(seed % 7 === 0 || !model.orderedGroups(), `seed ${seed} step ${step}: directives alone put the list in the file's order`);
    }
  }
  assert.ok(groupwise > 80, `without directives, group by group (${groupwise} steps)`);
  assert.ok(directed > 500, `with directives too (${directed} steps)`);
});

test("a block silenced from one encounter to another changes the lists of the encounters between, and only theirs", () => {
  const one = (i: number) => `encounter "E${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96409, 96413, 96360\n`;
  let text = Array.from({ length: 12 }, (_, i) => one(i)).join("");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  const cache = new DiagnosticCache(true);
  let version = 1;
  const list = () => checkedList(cache, model, text, version++, true);
  const edit = (from: string, to: string, after: string) => {
    const at = text.indexOf(from, text.indexOf(after));
    text = text.slice(0, at) + to + text.slice(at + from.length);
    model.update(text, undefined, { start: at, end: at + from.length });
  };
  // (Copies: the cache moves its kept diagnostics in place.)
  const all = structuredClone(list());
  assert.ok(all.length >= 24 && all.some((d) => d.code === "non-chemo-as-chemo"));
  // Disabled in E3 (below its push), enabled again in E8: E3 to E7 lose their non-chemo-as-chemo.
  edit("  claim", "  # encounter-lint-disable non-chemo-as-chemo\n  claim", '"E3"');
  edit("  claim", "  # encounter-lint-enable non-chemo-as-chemo\n  claim", '"E8"');
  const sent = list();
  const blocked = structuredClone(sent);
  const rule = (ds: Diagnostic[]) => ds.filter((d) => d.code === "non-chemo-as-chemo").map((d) => d.range.start.line);
  const encounter = (line: number) => Math.floor(line / 4); // in the first list, four lines an encounter
  assert.deepEqual(rule(blocked), rule(all).filter((line) => encounter(line) < 3 || encounter(line) > 7).map((line) => line + (encounter(line) < 3 ? 0 : 2)));
  // Without the enable, the block runs to the end of the file; the encounters above E8 keep their diagnostics.
  edit("  # encounter-lint-enable non-chemo-as-chemo\n", "", '"E8"');
  const open = list();
  assert.deepEqual(rule(open), rule(all).filter((line) => encounter(line) < 3));
  const aboveE8 = open.filter((d) => d.range.start.line < 33); // E8 starts on line 33 (one comment above it)
  assert.ok(aboveE8.length >= 10);
  assert.deepEqual(aboveE8, blocked.slice(0, aboveE8.length));
  // (The model analyses the edited encounter and the one above it again: E7 and E8.)
  assert.ok(aboveE8.filter((d) => d.range.start.line < 29).every((d, i) => d === sent[i]), "the same objects above E7");
  // And back: the comment removed, every encounter's list as at first.
  edit("  # encounter-lint-disable non-chemo-as-chemo\n", "", '"E3"');
  assert.deepEqual(list(), all);
});

test("directives keep the list group by group; reported unused ones put it in the file's order", () => {
  const one = (i: number) => `encounter "E${i}"\n  setting office\n  push ondansetron 4mg 5min\n  # encounter-lint-disable-next-line non-chemo-as-chemo\n  claim 96409, 96413, 96360\n`;
  let text = Array.from({ length: 6 }, (_, i) => one(i)).join("");
  for (const reportUnused of [false, true]) {
    const model = new DocumentModel({ fileName: "t", reportUnusedDisableDirectives: reportUnused }).update(text);
    const cache = new DiagnosticCache(true);
    let version = 1;
    const check = () => checkedList(cache, model, text, version++, !reportUnused);
    check();
    assert.ok(model.findings.length >= 12 && model.findings.every((f) => f.rule !== "non-chemo-as-chemo"), "each encounter's non-chemo-as-chemo silenced, two findings after it");
    // E3's comment now disables to the end of the file, and back.
    const at = text.indexOf("disable-next-line", text.indexOf('"E3"'));
    const edits: [string, string][] = [["disable-next-line", "disable"], ["disable", "disable-next-line"]];
    for (const [from, to] of edits) {
      text = text.slice(0, at) + to + text.slice(at + from.length);
      model.update(text, undefined, { start: at, end: at + from.length });
      check();
    }
  }
});

test("an edit in one encounter leaves the others' diagnostics as they were, moved to their new lines", () => {
  const one = (i: number) => `encounter "E${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96374, 96413\n`;
  let text = Array.from({ length: 20 }, (_, i) => one(i)).join("");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  assert.ok(model.orderedGroups(), "no directive: the findings group by group");
  const cache = new DiagnosticCache(true);
  let doc = TextDocument.create("file:///t.encounter", "encounter", 1, text);
  const before = structuredClone(cache.diagnostics(doc, model));
  // Two lines more in encounter 5, and its claim corrected.
  const at = text.indexOf("claim", text.indexOf('"E5"'));
  const end = text.indexOf("\n", at);
  text = `${text.slice(0, at)}# checked\n  # twice\n  claim 96374${text.slice(end)}`;
  doc = TextDocument.create(doc.uri, "encounter", 2, text);
  model.update(text, undefined, { start: at, end });
  const after = cache.diagnostics(doc, model);
  assert.deepEqual(after, model.findings.map((f) => toDiagnostic(doc, f)));
  const moved = (d: Diagnostic, lines: number) => ({ ...d, range: { start: { ...d.range.start, line: d.range.start.line + lines }, end: { ...d.range.end, line: d.range.end.line + lines } } });
  const perEncounter = before.length / 20;
  assert.deepEqual(after.slice(0, 5 * perEncounter), before.slice(0, 5 * perEncounter), "above: unchanged");
  assert.deepEqual(after.slice(5 * perEncounter), before.slice(6 * perEncounter).map((d) => moved(d, 2)), "encounter 5 has no finding left; below: two lines down");
});

test("a keystroke converts only the findings of the encounters it touches", () => {
  const one = (i: number) => `encounter "E${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96374, 96413\n`;
  let text = Array.from({ length: 50 }, (_, i) => one(i)).join("");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  const cache = new DiagnosticCache(true);
  let doc = TextDocument.create("file:///t.encounter", "encounter", 1, text);
  const first = cache.diagnostics(doc, model);
  // Type a new line inside encounter 10: encounters below move down a line, their objects stay.
  const at = text.indexOf("claim", text.indexOf('"E10"'));
  text = text.slice(0, at) + "# checked\n  " + text.slice(at);
  doc = TextDocument.create(doc.uri, "encounter", 2, text);
  model.update(text, undefined, { start: at, end: at });
  const second = cache.diagnostics(doc, model);
  assert.deepEqual(second, model.findings.map((f) => toDiagnostic(doc, f)));
  // The model re-cuts the edited encounter and the one above it (an edit can merge a header upwards).
  const kept = second.filter((d) => first.includes(d)).length;
  assert.equal(kept, second.length - (2 * first.length) / 50, "the other 48 encounters keep their diagnostics");
});

test("in a document of hundreds of encounters, each list's text is the last one's with the edited encounters spliced in", () => {
  // Over 64 encounters with findings, a list's text is copied into one run of bytes and later
  // lists take over cut pieces of it: edits in turn at random places check every cut, and edits
  // at two places at once the encounters between them (taken from their own text).
  const kinds = [
    (i: number) => `encounter "P${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96374, 96413\n`,
    (i: number) => `encounter "Q${i}"\n  infuse rituximab 700mg ${200 + i}min\n  claim 96413, 96415 x3\n`,
    (i: number) => `encounter "R${i}"\n  setting office\n  push ondansetron 4mg 5min\n  claim 96374\n`,
  ];
  let text = Array.from({ length: 300 }, (_, i) => kinds[i % 3](i)).join("");
  const model = new DocumentModel({ fileName: "t" }).update(text);
  const cache = new DiagnosticCache(true);
  const random = rng(7);
  const edits = ["5", "", "\n", "\n  # note\n", "x"];
  for (let step = 0; step < 60; step++) {
    const claims = [...text.matchAll(/claim [^\n]*/g)];
    const claim = claims[Math.floor(random() * claims.length)];
    const at = claim.index + claim[0].length;
    const piece = edits[step % edits.length];
    const cut = piece === "" ? 1 : 0;
    text = text.slice(0, at - cut) + piece + text.slice(at);
    if (step % 4 === 3) {
      // Two cursors: a second edit far above the first, the whole text given (no edited range).
      const other = claims[Math.floor(random() * claims.length * 0.2)];
      text = `${text.slice(0, other.index)}claim 96360, ${text.slice(other.index + 6)}`;
      model.update(text);
    } else model.update(text, undefined, { start: at - cut, end: at });
    const doc = TextDocument.create("file:///t.encounter", "encounter", step + 2, text);
    const list = cache.diagnostics(doc, model);
    const fresh = model.findings.map((f) => toDiagnostic(doc, f));
    assert.deepEqual(list, fresh, `step ${step}`);
    const kept = list[JSON_TEXT]!;
    assert.ok(kept.length < 70, `step ${step}: the text in a few runs, not one per encounter`);
    assert.equal(Buffer.concat(kept).toString("latin1"), asciiJson(fresh).slice(1, -1), `step ${step}: JSON text`);
  }
});

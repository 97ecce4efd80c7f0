// A large document opens top first: the diagnostics of its first encounters are published as soon
// as they are analysed, then the complete list (both with the document's version); the complete
// list is the CLI's. Where text further down could change the top's findings (a drug declared
// below), only the complete list is published.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { independentTop } from "../../server/src/service/document-model.js";
import { TestClient } from "./client.js";

/** Every third encounter bills a chemotherapy push for ondansetron (a finding on its claim line). */
const enc = (i: number) =>
  i % 3 === 0
    ? `encounter "E${i}"\n  setting hopd\n  push ondansetron 4mg 5min\n  claim 96409\n`
    : `encounter "E${i}"\n  setting hopd\n  infuse rituximab 700mg 240min\n  claim 96413, 96415 x3\n`;
const BIG = Array.from({ length: 2000 }, (_, i) => enc(i)).join("");
const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length - 1;
const expected = (text: string) => analyzeText(text, { fileName: "big" }).findings.map((f) => `${f.rule}@${lineOf(text, f.span.start)}`);

async function openLarge(text: string) {
  const c = await TestClient.start({ settings: { validate: { delay: 0 } } });
  const uri = "file:///virtual/big.encounter";
  const done = c.progressEnd();
  await c.open(uri, text);
  await done;
  const published = c.published.filter((p) => p.uri === uri).map((p) => ({ version: p.version, found: p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`) }));
  await c.stop();
  return { published, progress: c.progress };
}

test("a large document: its top first, then the complete list, which is the CLI's", async () => {
  const { published, progress } = await openLarge(BIG);
  assert.equal(published.length, 2);
  const [top, complete] = published;
  assert.deepEqual([top.version, complete.version], [1, 1]);
  const all = expected(BIG);
  assert.deepEqual(complete.found, all);
  // The top: the first encounters' findings, exactly as in the complete list.
  assert.ok(top.found.length > 5 && top.found.length < all.length / 10, `${top.found.length} of ${all.length}`);
  assert.deepEqual(top.found, all.slice(0, top.found.length));
  assert.deepEqual(progress, ["begin", "end"]);
});

test("a drug declared further down: no top first, since it changes the findings above it", async () => {
  const text = BIG.replace('encounter "E1"\n', 'encounter "E1"\n  push zorbitol 4mg 5min\n') + "drug zorbitol chemo\n";
  assert.equal(independentTop(text, 50), undefined);
  const { published } = await openLarge(text);
  assert.equal(published.length, 1);
  assert.deepEqual(published[0].found, expected(text));
});

test("with disable comments above the first encounter, the top first too, their rules left out", async () => {
  const text = `# encounter-lint-disable non-chemo-as-chemo -- reviewed\n${BIG.replace('encounter "E1"\n  setting hopd\n', 'encounter "E1"\n  setting hopd\n  push ondansetron 4mg 40min\n')}`;
  const { published } = await openLarge(text);
  assert.equal(published.length, 2);
  const [top, complete] = published;
  const all = expected(text);
  assert.ok(all.length > 0 && all.every((f) => !f.startsWith("non-chemo-as-chemo")), all.join());
  assert.deepEqual(complete.found, all);
  assert.ok(top.found.length > 0, "the long push in E1 is in the top");
  assert.deepEqual(top.found, all.slice(0, top.found.length));
  // One for the next line silences within its encounter: the top first too.
  const nextLine = text.replace('encounter "E1"\n  setting hopd\n', 'encounter "E1"\n  setting hopd\n  # encounter-lint-disable-next-line long-push\n');
  const lines = await openLarge(nextLine);
  assert.equal(lines.published.length, 2);
  assert.ok(expected(nextLine).length < all.length, "the long push silenced");
  assert.deepEqual(lines.published[1].found, expected(nextLine));
  assert.deepEqual(lines.published[0].found, expected(nextLine).slice(0, lines.published[0].found.length));
  // A block opened in the top and closed far below it: the top first too.
  const block = BIG.replace('encounter "E1"\n', 'encounter "E1"\n  # encounter-lint-disable non-chemo-as-chemo\n').replace('encounter "E1500"\n', 'encounter "E1500"\n  # encounter-lint-enable non-chemo-as-chemo\n');
  const blocked = await openLarge(block);
  assert.equal(blocked.published.length, 2);
  const found = expected(block);
  const silencedLines = found.filter((f) => f.startsWith("non-chemo-as-chemo@")).map((f) => Number(f.split("@")[1]));
  const e1500 = lineOf(block, block.indexOf('encounter "E1500"'));
  assert.ok(silencedLines.length > 100 && silencedLines.every((line) => line < 4 || line > e1500), "silenced from E1 down to E1500");
  assert.deepEqual(blocked.published[1].found, found);
  assert.ok(blocked.published[0].found.length > 0);
  assert.deepEqual(blocked.published[0].found, found.slice(0, blocked.published[0].found.length));
});

test("the top ends at an encounter header, and is only taken when nothing below can change it", () => {
  const top = independentTop(BIG, 50)!;
  assert.ok(top.text.length < BIG.length && BIG.startsWith(top.text));
  // Fifty encounters (E0 to E49) and one more, whose extent is not final yet.
  assert.equal(BIG.slice(top.text.length, top.text.length + 15), 'encounter "E51"');
  assert.equal(BIG.slice(top.shown, top.shown + 15), 'encounter "E50"');
  assert.equal(independentTop(BIG.slice(0, 2000), 50), undefined, "too few encounters");
  assert.ok(independentTop(`${BIG}# encounter-lint-disable units -- reviewed\n`, 50), "a directive below the top reaches down only");
  assert.ok(independentTop(`# encounter-lint-disable units -- reviewed\n${BIG}`, 50), "a directive in the top is the model's to weigh");
  assert.equal(independentTop(`${BIG}  push x 1mg 1min; drug x chemo\n`, 50), undefined, "a declaration after ';'");
  assert.ok(independentTop(`drug zorbitol chemo\n${BIG}`, 50), "a declaration in the preamble is part of the top");
});

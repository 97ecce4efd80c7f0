// Explain, timeline, answer keys and grading.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { renderHtml } from "../../server/src/explain/html.js";
import { renderTimeline } from "../../server/src/explain/timeline.js";
import { CHROMIUM, needs, pathOf } from "../needs.js";

const CLI = join(process.cwd(), "out/cli.cjs");
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
const attrs = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<rect class="admin ${cls}[^"]*" data-admin="(\\d+)" data-start="(\\d+)" data-end="(\\d+)" x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)"`, "g"))].map((m) => ({
    admin: Number(m[1]), start: Number(m[2]), end: Number(m[3]), x: Number(m[4]), y: Number(m[5]), width: Number(m[6]),
  }));

const FOLFOX = `encounter "FOLFOX"
  infuse oxaliplatin 85mg 09:00-11:00
  infuse leucovorin 400mg 09:00-11:00
  push 5-FU 400mg at 11:05 4min
  pump 5-FU 2400mg 46h
  hydrate NS 11:15-12:15
`;

test("the timeline has a mark per administration, positioned in proportion to the minutes", () => {
  const r = analyzeText(FOLFOX).encounters[0];
  const svg = renderTimeline(r);
  assert.equal((svg.match(/class="admin /g) ?? []).length, 5);
  const [ox] = attrs(svg, "chemo-infusion");
  const [leu] = attrs(svg, "infusion");
  const [hyd] = attrs(svg, "hydration");
  const scale = Number(/data-scale="([\d.]+)"/.exec(svg)![1]);
  assert.ok(Math.abs(ox.width - 120 * scale) < 0.01, "a 2 h bar is 120 minutes wide");
  assert.ok(Math.abs(hyd.width - 60 * scale) < 0.01);
  assert.ok(Math.abs(hyd.x - ox.x - (135 * scale)) < 0.01, "11:15 is 135 minutes after 09:00");
  assert.notEqual(ox.y, leu.y, "concurrent infusions are stacked");
  assert.match(svg, />09:00</);
  assert.match(svg, />13:00</);
  assert.match(svg, /★ oxaliplatin/, "the initial service is marked");
  assert.match(svg, /96413; 96415/);
  assert.match(svg, /fluorouracil → 46 h/);
  assert.match(svg, /class="legend"[^>]*>hydration</, "the legend tells hydration from infusions");
  assert.match(svg, /class="legend"[^>]*>chemotherapy infusion</);
});

test("exercise mode draws the timeline without the codes", () => {
  const r = analyzeText(FOLFOX).encounters[0];
  assert.doesNotMatch(renderTimeline(r, { hideCodes: true }), /9641/);
  const html = renderHtml("f.encounter", FOLFOX, analyzeText(FOLFOX), { exerciseMode: true });
  assert.doesNotMatch(html, /9641|Derived claim|Findings/);
  assert.match(html, /<svg/);
});

test("without clock times administrations follow one another and the axis says so", () => {
  const r = analyzeText("push ondansetron\ninfuse rituximab 90min\nhydrate 60min").encounters[0];
  const svg = renderTimeline(r);
  const [rit] = attrs(svg, "chemo-infusion");
  const [hyd] = attrs(svg, "hydration");
  assert.equal(hyd.start, rit.end);
  assert.match(svg, /No clock times documented/);
});

test("the HTML page is self-contained: inline SVG and CSS, no scripts, readable when printed", () => {
  const html = renderHtml("f.encounter", FOLFOX + "  claim 96413, 96415, 96367, 96411, 96416\n", analyzeText(FOLFOX + "  claim 96413, 96415, 96367, 96411, 96416\n"));
  assert.doesNotMatch(html, /<script|src="http|href="http/);
  assert.match(html, /<style>[\s\S]*@media print/);
  assert.match(html, /concurrent-as-sequential/);
  assert.match(html, /Query to the clinic:/);
  assert.match(html, /<td class="code">96368<\/td>/);
});

test("explain --format markdown and html from the CLI", () => {
  const md = cli(["explain", "--format", "markdown", "samples/rchop-day1-correct.encounter"]);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /\| `96415 x3` \|/);
  const html = cli(["explain", "--format", "html", "samples/folfox-medicare-pump.encounter"]);
  assert.equal(html.status, 1);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.equal(cli(["explain", "--format", "pdf", "samples/rchop-day1-correct.encounter"]).status, 2);
});

test("the HTML renders in headless Chromium to a non-empty screenshot of the expected size", needs(CHROMIUM), () => {
  const chromium = pathOf(CHROMIUM);
  const dir = mkdtempSync(join(tmpdir(), "encounter-shot-"));
  const page = join(dir, "page.html");
  writeFileSync(page, renderHtml("FOLFOX", FOLFOX, analyzeText(FOLFOX)));
  const shot = join(dir, "shot.png");
  const r = spawnSync(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${join(dir, "profile")}`, `--screenshot=${shot}`, "--window-size=900,700", `file://${page}`], { timeout: 60_000, encoding: "utf8" });
  assert.ok(existsSync(shot), `no screenshot: ${r.stderr}`);
  const png = readFileSync(shot);
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [900, 700]);
  assert.ok(statSync(shot).size > 10_000, "the page is not blank");
});

test("key writes each exercise's derived claim; grade scores answers per file and per rule", () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-key-"));
  const key = join(dir, "key.json");
  assert.equal(cli(["key", "exercises", "--format", "json", "-o", key]).status, 0);
  const parsed = JSON.parse(readFileSync(key, "utf8"));
  assert.deepEqual(parsed.exercises.map((e: { file: string }) => e.file), ["01-rchop.encounter", "02-folfox.encounter", "03-hydration.encounter"]);
  assert.deepEqual(parsed.exercises[1].encounters[0].claim.slice(0, 5), ["96413", "96415", "96368", "96411", "96416"]);
  assert.match(cli(["key", "exercises"]).stdout, /# Answer key[\s\S]*`96413, 96415 x3, 96411 x3/);
  const page = cli(["key", "exercises", "--format", "html"]).stdout;
  assert.equal((page.match(/<svg /g) ?? []).length, 3);
  assert.match(page, /<style>[\s\S]*@media print/);
  assert.doesNotMatch(page, /<script/);
  const g = cli(["grade", "--key", key, "test/explain/fixtures"]);
  assert.equal(g.status, 1);
  assert.match(g.stdout, /^fixtures: 11\/13 \(85%\)\n  01-rchop\.encounter: 4\/4\n/);
  assert.match(g.stdout, /\n  02-folfox\.encounter: 4\/6\n    'FOLFOX day 1': 4\/6; missing 96368; not in the answer 96367; findings: concurrent-as-sequential\n/);
  assert.match(g.stdout, /\n  03-hydration\.encounter: 3\/3\n/);
  assert.match(g.stdout, /Findings per rule:\n  concurrent-as-sequential: 1/);
  assert.equal(cli(["grade", "--key", join(dir, "nope.json"), "test/explain/fixtures"]).status, 2);
});

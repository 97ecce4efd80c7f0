// Explain, timeline, answer keys and grading.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { analyzeText } from "../../server/src/engine/analyze.js";
import { explainAsAnalysed } from "../../server/src/explain/as-analysed.js";
import { explained, renderHtml, writeHtml, writeHtmlPage } from "../../server/src/explain/html.js";
import { collectFiles } from "../../cli/src/files.js";
import { terminalText } from "../../cli/src/formatters/safe-text.js";
import { OptionsResolver } from "../../cli/src/lint-file.js";
import { fileOptions } from "../../cli/src/report.js";
import { renderMarkdown } from "../../server/src/explain/markdown.js";
import { PageReferences } from "../../server/src/explain/references.js";
import { PageDrawings, renderTimeline, timeline, TIMELINE_CSS } from "../../server/src/explain/timeline.js";
import { makeFinding } from "../../server/src/engine/finding.js";
import { CHROMIUM, needs, pathOf } from "../needs.js";

const CLI = join(process.cwd(), "out/cli.cjs");
const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
/** The marks of one category: place and size (a tick has no width), as drawn. */
const attrs = (svg: string, cls: string) =>
  [...svg.matchAll(/<rect class=(?:"([^"]+)"|(\S+)) x=([\d.]+) y=([\d.]+)(?: width=([\d.]+))? \/>/g)]
    .filter((m) => (m[1] ?? m[2]).split(" ")[0] === cls)
    .map((m) => ({ x: Number(m[3]), y: Number(m[4]), width: m[5] === undefined ? undefined : Number(m[5]) }));
/** Pixels per minute: the hour lines are 60 minutes apart. */
const scaleOf = (svg: string) => {
  const [a, b] = [...svg.matchAll(/M([\d.]+) \d+V/g)].map((m) => Number(m[1]));
  return (b - a) / 60;
};

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
  assert.equal((svg.match(/<rect /g) ?? []).length, 5);
  const [ox] = attrs(svg, "chemo-infusion");
  const [leu] = attrs(svg, "infusion");
  const [hyd] = attrs(svg, "hydration");
  const scale = scaleOf(svg);
  assert.equal(scale, 2.75, "09:00 to 13:00 across 660 px");
  assert.equal(ox.width, 120 * scale, "a 2 h bar is 120 minutes wide");
  assert.equal(hyd.width, 60 * scale);
  assert.ok(Math.abs(hyd.x - ox.x - 135 * scale) < 0.051, "11:15 is 135 minutes after 09:00");
  assert.notEqual(ox.y, leu.y, "concurrent infusions are stacked");
  assert.match(svg, />09:00</);
  assert.match(svg, />13:00</);
  assert.match(svg, /★ oxaliplatin/, "the initial service is marked");
  assert.match(svg, /96413; 96415/);
  assert.match(svg, /fluorouracil → 46 h/);
  assert.match(svg, /<rect class="chemo-infusion initial" x=[\d.]+ y=[\d.]+ width=/, "the initial service is outlined");
  assert.match(svg, /<rect class=chemo-push x=[\d.]+ y=[\d.]+ \/>/, "a push is a tick: no width, the stylesheet gives it one");
});

test("the page's key, drawn once, tells hydration from infusions without colour", () => {
  const twice = FOLFOX + FOLFOX.replace('"FOLFOX"', '"FOLFOX 2"');
  const html = renderHtml("f.encounter", twice, analyzeText(twice));
  assert.equal((html.match(/<ul class="key"/g) ?? []).length, 1);
  assert.match(html, /<li><svg [^>]*aria-hidden="true"><rect class="hydration"[^>]*\/><\/svg>hydration<\/li>/);
  assert.match(html, /<li><svg [^>]*><rect class="chemo-infusion"[^>]*\/><\/svg>chemotherapy infusion<\/li>/);
  assert.match(html, /★ initial service \(outlined\)/);
  assert.equal((html.match(/<figure><svg height=\d+>/g) ?? []).length, 2, "one timeline per encounter");
});

test("a timeline the page has drawn is reused for the next encounter drawn the same, and only then", () => {
  const same = FOLFOX.replace('"FOLFOX"', '"FOLFOX 2"');
  const later = FOLFOX.replace('"FOLFOX"', '"FOLFOX 3"').replace("at 11:05", "at 11:35");
  const text = FOLFOX + same + later;
  const html = renderHtml("f.encounter", text, analyzeText(text));
  const pictures = [...html.matchAll(/<figure><svg height=(\d+)>(.*?)(?=<\/svg><\/figure>)/gs)].map((m) => ({ height: m[1], body: m[2] }));
  assert.equal(pictures.length, 3);
  assert.match(pictures[0].body, /^<g id=tl-1><g id="axis-540-4"[^>]*><path[^>]*\/>(<text [^>]*>\d\d:00<\/text>){5}<\/g>\n<rect /, "the first draws its axis and marks, with ids");
  assert.equal(pictures[1].body, "<use href=#tl-1 />", "the same administrations, times and codes: the same picture");
  assert.equal(pictures[1].height, pictures[0].height);
  assert.match(pictures[2].body, /^<g id=tl-2><use href=#axis-540-4 \/>\n<rect /, "a push half an hour later is drawn again, on the axis already drawn");
  assert.equal((html.match(/<rect class=chemo-push/g) ?? []).length, 2);
});

test("a page remembers a bounded number of pictures: an old one is drawn again, under a new id", () => {
  const page = new PageDrawings();
  const draw = (k: number) => page.picture(`quick ${k}`, () => `<rect class=push x=${k} y=28 />`, (key) => key);
  assert.equal(draw(0), "<g id=tl-1><rect class=push x=0 y=28 /></g>");
  assert.equal(draw(0), "<use href=#tl-1 />");
  for (let k = 1; k <= 2000; k++) draw(k);
  assert.equal(draw(2000), "<use href=#tl-2001 />", "the newest are kept");
  assert.equal(draw(0), "<g id=tl-2002><rect class=push x=0 y=28 /></g>", "the oldest was forgotten: drawn again, never a second tl-1");
});

/** Encounters with random administrations, timed or not, short, long or without minutes, some bodies repeated. */
function randomTimelines(count: number, seed: number): string {
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const clock = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const drugs = ["ondansetron 8mg", "rituximab 700mg", "cisplatin 100mg", "dexamethasone 10mg", '"normal saline" 1000mL', "5-FU 400mg", "oxaliplatin 85mg"];
  const verbs = ["push", "infuse", "hydrate", "inject", "pump"];
  const bodies: string[] = [];
  let text = "";
  for (let e = 0; e < count; e++) {
    if (!bodies.length || next(3)) {
      const lines: string[] = [];
      const timed = next(2) === 0;
      let t = 480 + next(600);
      for (let k = 0, n = 1 + next(5); k < n; k++) {
        const what = `${verbs[next(verbs.length)]} ${drugs[next(drugs.length)]}`;
        const minutes = [1, 2, 3, 4, 5, 15, 16, 31, 61, 90, 181, 600, 1300][next(13)];
        if (!next(6)) lines.push(`  ${what}`); // no minutes: a tick, whatever the verb
        else if (!timed) lines.push(`  ${what} ${minutes}min`);
        else {
          const start = t + next(40) - 10;
          lines.push(`  ${what} ${clock(start)}-${clock(start + minutes)}`);
          t = start + next(minutes + 1);
        }
      }
      if (next(2)) lines.push("  claim 96413, 96365");
      bodies.push(lines.join("\n"));
    }
    text += `encounter "E${e}"\n  setting ${next(2) ? "hopd" : "office"}\n${bodies[next(bodies.length)]}\n`;
  }
  return text;
}

test("timelines named alike by their quick name are drawn alike (the page never reuses a picture for other marks)", () => {
  const byQuick = new Map<string, string>();
  let repeated = 0;
  for (const r of analyzeText(randomTimelines(1500, 11)).encounters) {
    for (const hideCodes of [false, true]) {
      const t = timeline(r, { hideCodes })!;
      const seen = byQuick.get(t.quick);
      if (seen === undefined) byQuick.set(t.quick, t.exact());
      else {
        repeated++;
        assert.equal(t.exact(), seen, `${r.node.name}: the same quick name, other marks`);
      }
    }
  }
  assert.ok(repeated > 500 && byQuick.size > 500, `${repeated} repeated of ${byQuick.size} names: the set has both`);
});

test("a picture drawn the same from other minutes is reused: a 1- and a 2-minute bar on a long axis are both 2 px wide", () => {
  const one = (name: string, end: string) => `encounter "${name}"\n  hydrate NS 08:00-19:30\n  infuse rituximab 700mg 12:00-${end}\n`;
  const text = one("A", "12:01") + one("B", "12:02");
  const [a, b] = analyzeText(text).encounters.map((r) => timeline(r)!);
  assert.notEqual(a.quick, b.quick, "named apart");
  assert.equal(a.exact(), b.exact(), "drawn alike");
  const html = renderHtml("t.encounter", text, analyzeText(text));
  assert.deepEqual([...html.matchAll(/<figure><svg height=\d+>(<use href=#tl-\d+ \/>|<g id=tl-\d+>)/g)].map((m) => m[1]), ["<g id=tl-1>", "<use href=#tl-1 />"]);
});

test("the timeline's look is in selectors on the element itself, so a reused picture looks the same", () => {
  // A <use> copy matches selectors naming the element, never ones through the page around it.
  const selectors = TIMELINE_CSS.split("\n").flatMap((rule) => [...rule.matchAll(/([^{}]+)\{[^}]*\}/g)].map((m) => m[1].trim()));
  const marks = selectors.filter((sel) => /(^|[\s>,])(rect|text|tspan)\b/.test(sel));
  assert.ok(marks.length >= 6, marks.join(" | "));
  for (const sel of marks) assert.doesNotMatch(sel, /[\s>+~]/, `'${sel}' reaches its element through an ancestor`);
});

test("the derived claim links each line to why; the claim as written is shown when it reads otherwise", () => {
  const enc = (name: string, claim: string) => `encounter "${name}"\n  setting hopd\n  push ondansetron 8mg\n${claim}`;
  const text = enc("same", "  claim 96374, J2405 x8\n") + enc("other", "  claim 96375, J2405 x8\n") + enc("none", "");
  const html = renderHtml("f.encounter", text, analyzeText(text));
  const paragraphs = html.match(/<p><b>Derived claim:<\/b>[^\n]*/g)!;
  assert.deepEqual(
    paragraphs.map((p) => p.replace(/#w\d+/g, "#w")),
    [
      "<p><b>Derived claim:</b> <a href=#w>96374</a>, <a href=#w>J2405 x8</a> (as claimed; no findings)",
      "<p><b>Derived claim:</b> <a href=#w>96374</a>, <a href=#w>J2405 x8</a><br>Claim as written: <code>96375, J2405 x8</code>",
      "<p><b>Derived claim:</b> <a href=#w>96374</a>, <a href=#w>J2405 x8</a> (no claim; no findings)",
    ],
  );
});

test("a line only a facility reports is shown (HTML and markdown), linked to why, when no setting is stated; not in an office or a facility", () => {
  const enc = (name: string, setting: string, claim: string) =>
    `encounter "${name}"\n${setting}  date 2025-09-22\n  push methylprednisolone 125mg at 09:30\n  push methylprednisolone 125mg at 11:30\n  claim ${claim}\n`;
  const text =
    enc("unstated", "", "96374, J2919 x50") +
    enc("unstated, claimed", "", "96374, 96376, J2919 x50") +
    enc("office", "  setting office\n", "96374, J2919 x50") +
    enc("hopd", "  setting hopd\n", "96374, 96376, J2919 x50");
  const html = renderHtml("f.encounter", text, analyzeText(text));
  const paragraphs = html.match(/<p><b>Derived claim:<\/b>[^\n]*/g)!;
  assert.deepEqual(paragraphs, [
    "<p><b>Derived claim:</b> <a href=#w1>96374</a>, <a href=#w2>J2919 x50</a> (as claimed)<br>Only in a facility (no setting stated): <a href=#w3>96376</a>",
    "<p><b>Derived claim:</b> <a href=#w1>96374</a>, <a href=#w2>J2919 x50</a><br>Claim as written: <code>96374, 96376, J2919 x50</code><br>Only in a facility (no setting stated): <a href=#w3>96376</a>",
    "<p><b>Derived claim:</b> <a href=#w1>96374</a>, <a href=#w2>J2919 x50</a> (as claimed; no findings)",
    "<p><b>Derived claim:</b> <a href=#w4>96374</a>, <a href=#w3>96376</a>, <a href=#w2>J2919 x50</a> (as claimed; no findings)",
  ]);
  // Markdown says it too, for each encounter without a setting.
  const md = renderMarkdown("f.encounter", analyzeText(text));
  assert.deepEqual(md.match(/^Only in a facility.*$/gm), [
    "Only in a facility (no setting stated): `96376`: methylprednisolone pushed again 120 min (2 h) after the last reported push of methylprednisolone (at 09:30): repeat push of the same drug, facility only, allowed 30 minutes or more after the last reported push",
    "Only in a facility (no setting stated): `96376`: methylprednisolone pushed again 120 min (2 h) after the last reported push of methylprednisolone (at 09:30): repeat push of the same drug, facility only, allowed 30 minutes or more after the last reported push",
  ]);
  // The facility-only line and the hopd line share one entry: same line, same reason.
  assert.match(html, /<h3>96376<\/h3><p>[^<]+<\/p>\n<ul>\n<li id="w3"><strong>96376<\/strong>: methylprednisolone pushed again 120 min \(2 h\) after the last reported push of methylprednisolone \(at 09:30\): repeat push of the same drug, facility only, allowed 30 minutes or more after the last reported push<\/li>\n<\/ul>/);
});

test("coordinates are written to a tenth of a pixel", () => {
  // Seven hours across 720 px: 102.857… px an hour.
  const r = analyzeText("infuse rituximab 09:00-15:10\npush ondansetron at 09:07").encounters[0];
  const svg = renderTimeline(r);
  const numbers = [...svg.matchAll(/ (?:x|y|width|height)="?([^" >]+)|[MV]([\d.]+)/g)].map((m) => m[1] ?? m[2]);
  assert.ok(numbers.some((n) => n.includes(".")), "some positions fall between pixels");
  assert.ok(numbers.every((n) => /^\d+(\.\d)?$/.test(n)), numbers.join(" "));
  const [push] = attrs(svg, "push");
  assert.equal(push.x, 29, "09:07 is 7 × 94.286/60 = 11 px after 09:00, less 2 for the tick's half width");
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
  assert.equal(hyd.x, rit.x + rit.width!, "hydration starts where rituximab ends");
  assert.match(svg, />0 h<\/text><text [^>]*>1 h</);
  const html = renderHtml("f.encounter", "push ondansetron\ninfuse rituximab 90min\nhydrate 60min", analyzeText("push ondansetron\ninfuse rituximab 90min\nhydrate 60min"));
  assert.match(html, /<text x="20" y="18">0 h<\/text>/, "hours from the first administration, not clock times");
});

test("the HTML page is self-contained: inline SVG and CSS, no scripts, readable when printed", () => {
  const html = renderHtml("f.encounter", FOLFOX + "  claim 96413, 96415, 96367, 96411, 96416\n", analyzeText(FOLFOX + "  claim 96413, 96415, 96367, 96411, 96416\n"));
  assert.doesNotMatch(html, /<script|src="http|href="http/);
  assert.match(html, /<style>[\s\S]*@media print/);
  assert.match(html, /<a href=#rule-concurrent-as-sequential>concurrent-as-sequential<\/a>/);
  assert.match(html, /<div id="rule-concurrent-as-sequential"><h3>[^<]*<\/h3>[\s\S]*?Query to the clinic:/);
  const [, why] = html.match(/<b>Derived claim:<\/b> [^\n]*<a href=#(w\d+)>96368<\/a>/) ?? [];
  assert.ok(why, "the derived line links to why it was derived");
  assert.match(html, new RegExp(`<h3>96368</h3><p>[^<]+</p>\\n<ul>\\n<li id="${why}"><strong>96368</strong>: leucovorin infused at the same time as oxaliplatin[^<]*</li>`));
});

/** Every link on the page (a reused drawing's `<use>` too) and the anchors it can reach. */
const links = (html: string) => {
  const ids = [...html.matchAll(/ id=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
  const hrefs = [...html.matchAll(/ href=(?:"#([^"]+)"|#([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
  return { ids, hrefs };
};
/** Drawings (an axis, a timeline) carry an id whether or not a later timeline reuses them. */
const drawing = (id: string) => /^(axis|tl)-/.test(id);

test("text the encounters share is printed once at the end, and each encounter links to it", () => {
  const enc = (name: string) => `encounter "${name}"\n  setting hopd\n  payer aetna\n  push ondansetron 8mg\n  infuse Venofer 200mg 30min\n  claim 96413, 96375, J1756 x200, J2405 x8\n`;
  const text = [1, 2, 3].map((i) => enc(`E${i}`)).join("");
  const a = analyzeText(text);
  const html = renderHtml("f.encounter", text, a);
  const rules = [...new Set(a.findings.map((f) => f.rule))];
  assert.deepEqual(rules.sort(), ["non-chemo-as-chemo", "unknown-payer"]);
  for (const rule of rules) {
    assert.equal((html.match(new RegExp(`<a href=#rule-${rule}>${rule}</a>`, "g")) ?? []).length, 3, `each encounter's ${rule} finding links to the rule`);
    assert.equal((html.match(new RegExp(`id="rule-${rule}"`, "g")) ?? []).length, 1, `${rule} is described once`);
  }
  const denial = a.findings.find((f) => f.rule === "non-chemo-as-chemo")!.denial!;
  assert.equal(html.split(denial).length - 1, 1, "the predicted denial is printed once");
  assert.equal(html.split("Query to the clinic:").length - 1, 2, "one query per rule, not per finding");
  assert.equal((html.match(/<h3>96365<\/h3>/g) ?? []).length, 1, "the code is described once");
  assert.deepEqual([...new Set(html.match(/<a href=#w\d+>96365<\/a>/g))].length, 1, "the three lines link to one entry");
  assert.equal((html.match(/<a href=#w\d+>96365<\/a>/g) ?? []).length, 3);
  const reason = a.encounters[0].derivation.lines.find((l) => l.code === "96365")!.reason;
  assert.equal(html.split(`<strong>96365</strong>: ${reason}`).length - 1, 1, "why the line was derived is printed once");
  assert.ok(!html.match(/<b>Derived claim:<\/b>[^\n]*/g)!.some((p) => p.includes(reason)), "not beside each derived claim");
  assert.doesNotMatch(html, /id="rule-(?!non-chemo-as-chemo|unknown-payer)/, "only the rules found are described");
  const facility = a.encounters[0].derivation.notes[0];
  assert.ok(facility.length > 100, "a long note");
  assert.equal(html.split(facility.replace(/>/g, "&gt;")).length - 1, 1, "the note on the facility hierarchy is printed once");
  assert.equal((html.match(/ · note: <a href=#note-1>In a facility CPT's hierarchy picks the initial service<\/a>…/g) ?? []).length, 3);
  assert.ok(html.indexOf("<h2>Codes, and why each line was derived</h2>") > html.lastIndexOf("<section><h2>"), "the sections come after the encounters");
});

test("every link on the page reaches one anchor, on each sample", () => {
  for (const name of readdirSync("samples").filter((f) => f.endsWith(".encounter"))) {
    const text = readFileSync(join("samples", name), "utf8");
    const { ids, hrefs } = links(renderHtml(name, text, analyzeText(text)));
    assert.equal(new Set(ids).size, ids.length, `${name}: anchors are unique`);
    for (const h of hrefs) assert.ok(ids.includes(h), `${name}: #${h} has a target`);
    for (const id of ids) assert.ok(drawing(id) || hrefs.includes(id), `${name}: ${id} is linked to (only what was used is listed)`);
  }
});

test("a derived line is one entry per reason and description, however many reasons a line has", () => {
  const refs = new PageReferences();
  const reason = (i: number) => `ondansetron pushed again ${30 + i} min after the last reported push`;
  // 20 reasons for one line: past the few compared in a list, the rest are looked up in a map.
  const first = Array.from({ length: 20 }, (_, i) => refs.line("96376", "repeat push", "96376", reason(i)));
  assert.deepEqual(first, Array.from({ length: 20 }, (_, i) => `<a href=#w${i + 1}>96376</a>`));
  for (let i = 19; i >= 0; i--) assert.equal(refs.line("96376", "repeat push", "96376", [reason(i)].join("")), first[i], `reason ${i} again`);
  assert.equal(refs.line("96376", "another description", "96376", reason(0)), "<a href=#w21>96376</a>", "another description: its own entry");
  assert.equal(refs.line("96375", "new drug", "96375", reason(0)), "<a href=#w22>96375</a>", "another line: its own entry");
  const page = refs.render();
  assert.equal((page.match(/<li id="w\d+">/g) ?? []).length, 22);
  assert.match(page, /<li id="w20"><strong>96376<\/strong>: ondansetron pushed again 49 min after the last reported push<\/li>/);
});

test("a finding whose source or denial differs from its rule's gets an entry of its own", () => {
  const refs = new PageReferences();
  const span = { start: 0, end: 1 };
  const ibx = makeFinding("payer-edit", span, "m", 0, { source: "IBX policy 1" });
  const aetna = makeFinding("payer-edit", span, "m", 1, { source: "Aetna policy 2", denial: "CARC 97" });
  assert.equal(refs.rule(ibx), "<a href=#rule-payer-edit>payer-edit</a>");
  assert.equal(refs.rule(aetna), "<a href=#rule-payer-edit-2>payer-edit</a>");
  assert.equal(refs.rule(makeFinding("payer-edit", span, "other words", 2, { source: "IBX policy 1" })), "<a href=#rule-payer-edit>payer-edit</a>", "the same source and denial: the same entry");
  const page = refs.render();
  assert.match(page, /<div id="rule-payer-edit"><h3>payer-edit: [^<]+<\/h3><p>[^<]+<\/p><p class="meta">Source: IBX policy 1<\/p>/);
  assert.match(page, /<div id="rule-payer-edit-2"><h3>payer-edit: [^<]+<\/h3><p>[^<]+<\/p><p>Predicted denial: CARC 97<\/p><p class="meta">Source: Aetna policy 2<\/p>/);
  assert.doesNotMatch(page, /other words|Codes|Notes/, "messages stay with their encounter; nothing else was linked");
});

test("exercise mode reveals no code in the sections at the end", () => {
  const text = FOLFOX + "  claim 96413\n";
  const html = renderHtml("f.encounter", text, analyzeText(text), { exerciseMode: true });
  assert.doesNotMatch(html, /Codes|Rules and sources|<a href/);
  assert.match(html, /<ul class="key"/);
});

test("the page is written encounter by encounter, as they come", () => {
  const text = FOLFOX + FOLFOX.replace('"FOLFOX"', '"FOLFOX 2"');
  const file = explained("f.encounter", text, analyzeText(text));
  const [one, two] = file.encounters;
  const written: string[] = [];
  function* encounters() {
    yield one;
    assert.ok(written.some((c) => c.includes("<h2>FOLFOX</h2>")), "the first encounter is out before the second is asked for");
    assert.ok(!written.some((c) => c.includes("<h2>FOLFOX 2</h2>")));
    yield two;
  }
  writeHtml((c) => written.push(c), { ...file, encounters: encounters() });
  assert.match(written.join(""), /<h2>FOLFOX 2<\/h2>[\s\S]*<h2>Codes, and why each line was derived<\/h2>[\s\S]*<\/html>\n$/);
});

test("the page written as encounters are analysed is the page of the whole analysis, on every sample and fixture", () => {
  const files = ["samples", "exercises", "test/fixtures", "test/explain", "test/language", "test/grammar"].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".encounter")).map((f) => join(dir, f)));
  assert.ok(files.length > 50, `${files.length} files`);
  const page = (file: ReturnType<typeof explained>) => {
    const out: string[] = [];
    writeHtml((c) => out.push(c), file);
    return out.join("");
  };
  const options = [{}, { severities: { "unknown-payer": "error" as const, "missing-code": "off" as const } }, { defaults: { setting: "office" as const } }];
  let directives = 0;
  for (const name of files) {
    const text = readFileSync(name, "utf8");
    directives += text.includes("encounter-lint-") ? 1 : 0;
    for (const o of options) {
      const whole = analyzeText(text, o);
      const streamed = explainAsAnalysed(name, text, o);
      assert.equal(page(streamed.file), page(explained(name, text, whole)), `${name} ${JSON.stringify(o)}`);
      assert.equal(streamed.anyError(), whole.findings.some((f) => f.severity === "error"), `${name}: exit status`);
    }
  }
  assert.ok(directives > 0, "a file with directives (analysed whole) is among them");
});

test("the encounters are analysed one at a time, as the page asks for them", () => {
  const text = FOLFOX + FOLFOX.replace('"FOLFOX"', '"FOLFOX 2"');
  const { file } = explainAsAnalysed("f.encounter", text);
  const iterator = file.encounters[Symbol.iterator]();
  const first = iterator.next().value!;
  assert.equal(first.result.node.name, "FOLFOX");
  assert.equal(iterator.next().value!.result.node.name, "FOLFOX 2", "the second is analysed when asked for");
  assert.ok(iterator.next().done);
});

test("findings outside any encounter are shown before the encounters", () => {
  const text = `setting offfice\n# encounter-lint-disable-next-line nosuchrule\nencounter "A"\n  push ondansetron 8mg\n  claim 96374\n`;
  const html = renderHtml("f.encounter", text, analyzeText(text));
  assert.match(html, /<section><h2>Outside any encounter<\/h2>\n<p class=error><b>Line 1 · error · <a href=#rule-syntax>syntax<\/a><\/b><br>unknown setting 'offfice'[^<\n]*\n<p class=warning><b>Line 2 · warning · <a href=#rule-bad-directive>bad-directive<\/a><\/b><br>'nosuchrule' is not a rule id[^<\n]*\n<\/section>\n<section><h2>A<\/h2>/);
  assert.match(html, /<div id="rule-bad-directive">/);
  assert.doesNotMatch(renderHtml("f.encounter", text, analyzeText(text), { exerciseMode: true }), /Outside any encounter/);
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

test("key --format html, written as each exercise is analysed, is the page of the whole analyses, byte for byte", () => {
  const resolver = OptionsResolver.forReading(undefined);
  for (const dir of ["exercises", "test/explain/fixtures", "samples", "test/fixtures"]) {
    const files = collectFiles([dir]).files.map((path) => {
      const text = readFileSync(path, "utf8");
      return explained(relative(dir, path) || basename(path), text, analyzeText(text, fileOptions(path, resolver.optionsFor(path))));
    });
    const whole: string[] = [];
    writeHtmlPage((c) => whole.push(c), "Answer key", files);
    const r = cli(["key", dir, "--format", "html"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(files.length > 2, dir);
    assert.equal(r.stdout, terminalText(whole.join("")), dir);
  }
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
  assert.equal((page.match(/<figure><svg height=\d+>/g) ?? []).length, 3);
  const { ids, hrefs } = links(page);
  assert.equal(new Set(ids).size, ids.length, "one set of anchors for the whole key");
  for (const h of hrefs) assert.ok(ids.includes(h), `#${h} has a target`);
  assert.equal((page.match(/<h2>Codes, and why each line was derived<\/h2>/g) ?? []).length, 1);
  assert.match(page, /^<!doctype html>[\s\S]*<h1>Answer key<\/h1>[\s\S]*<h1>01-rchop\.encounter<\/h1>/);
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

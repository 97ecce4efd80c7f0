/// <reference lib="dom" />
// The web playground in real Chromium: the page from site/, the language server in its worker.
// Without Chromium the tests skip (and fail under CI, where it must be installed).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { keyOf } from "../../server/src/engine/grade.js";
import { untilShown } from "../retry.js";
import { buildSite, launchChromium, MISSING_CHROMIUM, ROOT, serveSite, type SiteServer } from "./harness.js";

const SHOTS = join(ROOT, "test/.tmp/playground");
let browser: Browser | undefined;
let site: SiteServer;
/** Every URL any page asked for, to check that nothing leaves the site's origin. */
const requested: string[] = [];
/** Console errors of every page: a Content-Security-Policy violation would show here. */
const consoleErrors: string[] = [];
/** Uncaught errors of every page (an error thrown in an event handler here would end the run unexplained). */
const pageErrors: string[] = [];

before(async () => {
  buildSite();
  site = await serveSite();
  browser = await launchChromium();
  if (!browser && process.env.CI) throw new Error(MISSING_CHROMIUM);
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function openPage(hash = ""): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on("request", (r) => requested.push(r.url()));
  page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(site.url + hash);
  await page.waitForFunction(() => document.body.dataset.firstDiagnosticsMs !== undefined);
  return page;
}

async function pick(page: Page, value: string) {
  await page.selectOption("#sample", value);
  await page.waitForFunction((v) => (document.getElementById("sample") as HTMLSelectElement).value === v, value);
}

/** The document exactly, through the page's own "Download .encounter" button. */
async function downloaded(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, "utf8") };
}

/** Click "Check my claim" and read the score that replaces the last one. */
async function grade(page: Page): Promise<string> {
  await page.evaluate(() => (document.getElementById("score")!.textContent = ""));
  await page.click("#grade");
  await page.waitForFunction(() => document.getElementById("score")!.textContent !== "");
  return (await page.textContent("#score")) ?? "";
}

/** Focus the editor as a person would: a click in its text (Monaco's input is an EditContext in Chromium). */
async function focusEditor(page: Page) {
  await page.locator(".monaco-editor .view-lines").click();
  await page.waitForFunction(() => document.activeElement?.closest(".monaco-editor") !== null);
}

const skip = (t: { skip(m: string): void }) => (browser ? false : (t.skip(MISSING_CHROMIUM), true));

describe("web playground", () => {
  test("a sample shows its squiggle, hover card and preview; Ctrl+. fixes it and the finding leaves", async (t) => {
    if (skip(t)) return;
    const page = await openPage();
    await pick(page, "sample:implanted-pump-refill");
    await page.waitForFunction(() => document.getElementById("status")!.textContent === "1 finding (1 error)");
    const squiggle = page.locator(".monaco-editor .squiggly-error").first();
    await squiggle.waitFor();
    // Hover the claimed code: the card shows the server's hover and the finding's message.
    const card = page.locator(".monaco-hover").filter({ hasText: "96522" });
    await untilShown(async () => {
      await page.mouse.move(1, 1);
      await page.locator(".view-line", { hasText: "claim 96521" }).locator("span", { hasText: "96521" }).last().hover();
    }, card.first(), "the hover card on 96521");
    assert.match((await card.first().textContent()) ?? "", /implanted/i);
    const preview = page.frameLocator("#preview");
    await preview.locator("h2", { hasText: "Derived claim" }).or(preview.getByText("Derived claim")).first().waitFor();
    await page.screenshot({ path: join(SHOTS, "hover.png") });
    // A derived line's link scrolls the preview to why it was derived, under its code's description; the frame stays the preview.
    const line = preview.locator("a", { hasText: /^96522$/ }).first();
    const target = (await line.getAttribute("href"))!;
    await line.click();
    await preview.locator(target).filter({ hasText: "96522" }).waitFor();
    assert.deepEqual(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.url()), [`about:srcdoc${target}`]);
    // Keyboard only: F8 goes to the finding, Ctrl+. opens the fixes, Enter applies the first.
    // Asked again if the menu does not open, as a user would press Ctrl+. again.
    const menu = page.locator(".action-widget").filter({ hasText: "96522" }).first();
    await untilShown(async () => {
      await page.keyboard.press("Escape");
      await focusEditor(page);
      await page.keyboard.press("F8");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+.");
    }, menu, "the quick-fix menu offering 96522");
    assert.match((await menu.textContent()) ?? "", /96522/);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.getElementById("status")!.textContent === "No findings");
    assert.equal(await page.locator(".squiggly-error").count(), 0);
    const doc = await downloaded(page);
    assert.equal(doc.name, "implanted-pump-refill.encounter");
    assert.equal(doc.text, readFileSync(join(ROOT, "samples/implanted-pump-refill.encounter"), "utf8").replace("claim 96521", "claim 96522"));
    await page.context().close();
  });

  test("a shared link opens the same document, settings included, in a fresh page", async (t) => {
    if (skip(t)) return;
    const page = await openPage();
    await pick(page, "sample:repeat-push-office");
    await page.selectOption("#setting", "hopd");
    await focusEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\n# note for the class: ünïcode ✓");
    await page.waitForFunction(() => location.hash.includes("setting=hopd") && location.hash.includes("code="));
    const original = await downloaded(page);
    assert.match(original.text, /ünïcode ✓\n?$/);
    // The hash follows typing after a short pause: wait until it holds the whole text.
    const linked = (url: string) => inflateRawSync(Buffer.from(new URLSearchParams(new URL(url).hash.slice(1)).get("code") ?? "", "base64url")).toString("utf8");
    for (const end = Date.now() + 10_000; linked(page.url()) !== original.text; await page.waitForTimeout(100)) {
      assert.ok(Date.now() < end, "the link did not follow the typing within 10 s");
    }
    const link = page.url();
    const fresh = await openPage(link.slice(link.indexOf("#")));
    assert.deepEqual(await downloaded(fresh), original);
    assert.equal(await fresh.inputValue("#setting"), "hopd");
    assert.equal(await fresh.inputValue("#sample"), "sample:repeat-push-office");
    await page.context().close();
    await fresh.context().close();
  });

  test("a damaged link says so in plain words and opens a sample", async (t) => {
    if (skip(t)) return;
    const page = await openPage("#code=not-really-deflate");
    assert.match((await page.textContent("#notice")) ?? "", /link's encounter text is damaged/);
    assert.match((await downloaded(page)).text, /encounter/);
    await page.context().close();
  });

  test("an exercise opens in exercise mode with codes hidden, and grading scores the student's claim", async (t) => {
    if (skip(t)) return;
    const page = await openPage();
    await pick(page, "exercise:03-hydration");
    assert.equal(await page.isChecked("#exercise-mode"), true);
    await page.waitForFunction(() => document.getElementById("status")!.textContent !== "");
    await page.waitForTimeout(500); // let hints and lenses arrive, if the server were to send any
    assert.doesNotMatch((await page.locator(".view-lines").textContent()) ?? "", /96374|96361/);
    const answer = keyOf(readFileSync(join(ROOT, "exercises/03-hydration.encounter"), "utf8"), { fileName: "03-hydration" })[0].claim;
    await focusEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.type(`\n  claim 96374, 96360`);
    assert.match(await grade(page), /^03-hydration\.encounter: 0\/1\n {2}'Steroid and fluids': .*\(answer: 96374, 96361 x2, J2919 x25, J7030; given: 96374, 96360\)$/);
    await focusEditor(page);
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type(`  claim ${answer.join(", ")}`);
    const doc = await downloaded(page);
    assert.equal(await grade(page), "03-hydration.encounter: 1/1\n  Every encounter is coded right.", doc.text);
    await page.screenshot({ path: join(SHOTS, "exercise.png") });
    await page.context().close();
  });

  test("typing fast in a long document: what the server gives up as the text moves on is no error", async (t) => {
    if (skip(t)) return;
    // A thousand encounters, so the highlighting and the outline take long enough for keystrokes
    // to arrive while they are worked out (the server then answers ContentModified).
    const text = Array.from({ length: 1000 }, (_, i) => `encounter "E${i}"\n  setting hopd\n  infuse rituximab 700mg 240min\n  claim 96413, 96415 x3\n`).join("");
    const page = await openPage(`#code=${deflateRawSync(text).toString("base64url")}`);
    await focusEditor(page);
    const before = pageErrors.length;
    for (let burst = 0; burst < 6; burst++) {
      await page.keyboard.press("Control+End");
      await page.keyboard.type('\nencounter "typed"\n  push ondansetron 4mg 5min\n  claim 96374\n', { delay: 0 });
      await page.waitForTimeout(150);
    }
    await page.waitForFunction(() => /finding/.test(document.getElementById("status")!.textContent ?? ""));
    await page.waitForTimeout(1000);
    assert.deepEqual(pageErrors.slice(before), []);
    await page.context().close();
  });

  test("no page asked for anything outside its own origin, and none logged an error (a CSP violation would)", (t) => {
    if (skip(t)) return;
    const origin = new URL(site.url).origin;
    assert.ok(requested.length > 0);
    const outside = requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:") && u !== "about:srcdoc");
    assert.deepEqual(outside, []);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(pageErrors, []);
  });
});

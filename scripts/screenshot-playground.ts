// Refreshes docs/images/playground.png, the README's picture of the web playground: a sample with
// its squiggle, hover card and preview, taken in Debian's Chromium. `npm run screenshot:playground`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { buildSite, launchChromium, MISSING_CHROMIUM, ROOT, serveSite } from "../test/playground/harness.js";

buildSite();
const site = await serveSite();
const browser = await launchChromium();
if (!browser) throw new Error(MISSING_CHROMIUM);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(site.url);
  await page.selectOption("#sample", "sample:folfox-medicare-pump");
  await page.locator(".monaco-editor .squiggly-error").first().waitFor();
  await page.frameLocator("#preview").locator("svg").first().waitFor();
  await page.locator(".view-line", { hasText: "claim" }).locator("span", { hasText: "96367" }).last().hover();
  await page.locator(".monaco-hover").first().waitFor();
  await page.waitForTimeout(300); // the card fades in
  mkdirSync(join(ROOT, "docs/images"), { recursive: true });
  await page.screenshot({ path: join(ROOT, "docs/images/playground.png") });
  console.log("wrote docs/images/playground.png");
} finally {
  await browser.close();
  await site.close();
}

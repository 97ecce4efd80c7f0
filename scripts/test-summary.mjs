// A node:test reporter for scripts/run-tests.mjs: counts tests and lists every skipped one with
// its reason, so a run on a machine without Chromium, Neovim or code-server says what it left out.
export default async function* summary(source) {
  let passed = 0;
  let failed = 0;
  const skipped = [];
  for await (const { type, data } of source) {
    if ((type !== "test:pass" && type !== "test:fail") || data.details?.type === "suite") continue;
    if (data.skip !== undefined || data.todo !== undefined) skipped.push(`${data.name}: ${data.skip ?? data.todo}`);
    else if (type === "test:pass") passed++;
    else failed++;
  }
  if (skipped.length) yield `\nSkipped ${skipped.length} (install the program named to run them):\n${skipped.map((s) => `  - ${s}\n`).join("")}`;
  yield `\ntests: ${passed} passed, ${failed} failed, ${skipped.length} skipped\n`;
}

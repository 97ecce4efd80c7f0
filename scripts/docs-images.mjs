// `npm run docs:images`: refreshes the README's pictures on purpose (never as a side effect of
// `npm test`): the timeline from the tool's own HTML, and the VS Code screenshot from the UI test.
// Needs Chromium, and code-server from scripts/e2e-setup.sh.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const step = (args, env = {}) => {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step(["scripts/screenshot-timeline.mjs"]);
step(["scripts/run-tests.mjs", "test/e2e"], { CI: "true", ENCOUNTER_SCREENSHOTS: resolve("docs/images") });
console.log("wrote docs/images/vscode-problems.png");

// `npm run test:electron`: the same extension-host suite (test/e2e/exthost/suite.cjs) in a desktop
// VS Code downloaded by @vscode/test-electron, where the network allows it. These machines cannot
// download VS Code, so CI runs the suite in code-server instead (test/e2e/editor.test.ts).
import { resolve } from "node:path";

let runTests;
try {
  ({ runTests } = await import("@vscode/test-electron"));
} catch {
  console.error("npm run test:electron needs the devDependencies: run npm install first");
  process.exit(2);
}
process.exitCode = await runTests({
  extensionDevelopmentPath: resolve("."),
  extensionTestsPath: resolve("test/e2e/exthost/suite.cjs"),
  launchArgs: [resolve("samples"), "--disable-extensions"],
});

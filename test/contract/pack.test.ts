// The published package as a user gets it: `npm pack` of the built checkout, installed into an
// empty folder (and globally, under a scratch prefix), then both bins run from the install. The
// package has no runtime dependencies (everything is bundled into out/), so the install needs no
// network. (`--ignore-scripts`: `prepare` would rebuild out/ under the other tests' feet; the
// build it runs is `npm run build`, which `npm test` has just done.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const npm = (args: string[], cwd: string) => spawnSync("npm", [...args, "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd, encoding: "utf8", timeout: 120_000 });

function packed(dir: string): string {
  const r = npm(["pack", "--ignore-scripts", "--pack-destination", dir, ROOT], dir);
  assert.equal(r.status, 0, r.stderr);
  return join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!);
}

/** One LSP round trip over stdio: initialize, and the server names itself. */
function lspInitialize(server: string): Promise<{ name?: string; textDocumentSync?: unknown }> {
  return new Promise((ok, fail) => {
    const p = spawn(server, ["--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    let got = "";
    const timer = setTimeout(() => (p.kill(), fail(new Error(`no initialize answer: ${got}`))), 20_000);
    p.stdout.on("data", (d) => {
      got += d;
      const m = /Content-Length: (\d+)\r\n\r\n/.exec(got);
      if (!m || got.length < m.index + m[0].length + Number(m[1])) return;
      clearTimeout(timer);
      p.kill();
      const result = JSON.parse(got.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1]))).result;
      ok({ name: result.serverInfo?.name, textDocumentSync: result.capabilities?.textDocumentSync });
    });
    p.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

test("the package lists what runs: the bundles, the schema, the language reference; no tests or source maps", () => {
  assert.equal(pkg.private, undefined);
  assert.equal(pkg.dependencies, undefined, "everything is bundled: no runtime dependency");
  for (const k of ["repository", "homepage", "bugs", "license", "engines"]) assert.ok(pkg[k], `package.json lacks ${k}`);
  assert.match(pkg.scripts.prepare, /esbuild\.mjs/);
  const r = npm(["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT);
  assert.equal(r.status, 0, r.stderr);
  const files: string[] = JSON.parse(r.stdout)[0].files.map((f: { path: string }) => f.path);
  for (const f of ["out/cli.cjs", "out/cli-main.cjs", "out/cli-main.cache", "out/server.cjs", "out/server-main.cjs", "out/server-main.cache", "out/lint-worker.cjs", "docs/language.md", "schemas/encounter-lint.config.schema.json", "README.md", "LICENSE"]) assert.ok(files.includes(f), `${f} is not packed`);
  assert.deepEqual(files.filter((f) => /^(test|bench|server|cli|client)\/|\.map$|\.ts$/.test(f)), []);
});

test("npm install of the packed tarball: both bins run (version, a lint, an LSP initialize)", { timeout: 240_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-pack-"));
  try {
    const tarball = packed(join(dir));
    const project = mkdtempSync(join(dir, "project-"));
    const local = npm(["install", tarball], project);
    assert.equal(local.status, 0, local.stderr);
    const bin = join(project, "node_modules/.bin");
    const version = spawnSync(join(bin, "encounter-lint"), ["--version"], { encoding: "utf8" });
    assert.equal(version.stdout, `${pkg.version}\n`, version.stderr);
    const lint = spawnSync(join(bin, "encounter-lint"), ["--format", "json", join(ROOT, "samples/rchop-day1-correct.encounter")], { encoding: "utf8" });
    assert.equal(lint.status, 0, lint.stderr);
    assert.equal(JSON.parse(lint.stdout).errorCount, 0);
    // The README's `npx encounter-lint samples/`, in the project that installed it.
    const npx = spawnSync("npx", ["--no-install", "encounter-lint", join(ROOT, "samples")], { cwd: project, encoding: "utf8" });
    assert.equal(npx.status, 1, npx.stderr);
    assert.match(npx.stdout, /addon-without-primary\.encounter/);
    assert.equal((await lspInitialize(join(bin, "encounter-language-server"))).name, "encounter-language-server");

    const prefix = join(dir, "global");
    const global = npm(["install", "-g", "--prefix", prefix, tarball], dir);
    assert.equal(global.status, 0, global.stderr);
    assert.equal(spawnSync(join(prefix, "bin/encounter-lint"), ["--version"], { encoding: "utf8" }).stdout, `${pkg.version}\n`);
    assert.ok((await lspInitialize(join(prefix, "bin/encounter-language-server"))).textDocumentSync);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Bundles (entry files keep their own #! line): the CLI, the language server and the VS Code client, each one CommonJS file in out/.
// `--production` minifies and drops source maps (the .vsix build, and `npm pack`/`npm publish`, whose
// `prepare` runs this); `--watch` rebuilds on change.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

const production = process.argv.includes("--production") || ["pack", "publish"].includes(process.env.npm_command ?? "");
const watch = process.argv.includes("--watch");

const entries = [
  { in: "cli/src/bin.ts", out: "out/cli.cjs" },
  { in: "cli/src/main-bundle.ts", out: "out/cli-main.cjs" },
  { in: "cli/src/workers/lint-worker.ts", out: "out/lint-worker.cjs" },
  { in: "server/src/lsp/bin.ts", out: "out/server.cjs" },
  { in: "server/src/lsp/main.ts", out: "out/server-main.cjs" },
  { in: "client/src/extension.ts", out: "out/client.cjs", external: ["vscode"] },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      external: e.external ?? [],
      // tinyglobby's ES module build (and its fdir's) reads import.meta.url, which a CommonJS bundle
      // lacks: take its CommonJS build.
      alias: { tinyglobby: "./node_modules/tinyglobby/dist/index.cjs" },
      // The grammar is checked when the tests build it from source; the bundles skip chevrotain's
      // validations when a syntax error first needs the grammar (server/src/language/grammar.ts).
      define: { "process.env.ENCOUNTER_GRAMMAR_CHECKS": '"off"' },
      sourcemap: !production,
      minify: production,
      logLevel: "warning",
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  writeCodeCache();
}

/**
 * V8's code caches of the CLI and server bundles (common/launch-bundle.ts), each from one run: the
 * CLI lints a sample; the server starts and stops at the end of its (empty) input.
 */
function writeCodeCache() {
  const runs = [
    { cache: "out/cli-main.cache", args: ["out/cli.cjs", "samples/one-line.encounter"], input: undefined },
    { cache: "out/server-main.cache", args: ["out/server.cjs", "--stdio"], input: "" },
  ];
  for (const { cache, args, input } of runs) {
    rmSync(cache, { force: true });
    const r = spawnSync(process.execPath, args, { env: { ...process.env, ENCOUNTER_LINT_WRITE_CODE_CACHE: "1" }, input, encoding: "utf8", timeout: 60_000 });
    if (r.error || !existsSync(cache)) console.warn(`${cache} was not made: ${r.error?.message ?? r.stderr}`);
  }
}

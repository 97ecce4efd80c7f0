// Builds the playground into site/ (a static folder for any host) and, with --serve, serves it on
// 127.0.0.1 with esbuild's own server:
//   node playground/build.mjs [--serve] [--port N] [--out DIR]
// Bundles: the page (Monaco and the LSP bridge), a tiny boot script that starts the language
// server's worker early, the server in that worker, and Monaco's own editor worker. The samples and exercises are bundled; nothing is fetched later.
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { serve: { type: "boolean" }, port: { type: "string", default: "8790" }, out: { type: "string", default: join(root, "site") } } });
const out = resolve(values.out);

/** `playground:files`: every .encounter file of samples/ and exercises/, as { name, text }. */
const bundledFiles = {
  name: "playground-files",
  setup(build) {
    build.onResolve({ filter: /^playground:files$/ }, () => ({ path: "files", namespace: "playground" }));
    build.onLoad({ filter: /.*/, namespace: "playground" }, () => {
      const read = (dir) => readdirSync(join(root, dir)).filter((f) => f.endsWith(".encounter")).sort()
        .map((f) => ({ name: f.replace(/\.encounter$/, ""), text: readFileSync(join(root, dir, f), "utf8") }));
      return { contents: `export const samples = ${JSON.stringify(read("samples"))};\nexport const exercises = ${JSON.stringify(read("exercises"))};\n`, loader: "js" };
    });
  },
};

/** The one Node built-in the server's code uses at run time: lsp/limits.ts yields between slices
 * of a large document with setImmediate (node:timers/promises). A worker yields through a message. */
const browserTimers = {
  name: "browser-timers",
  setup(build) {
    build.onResolve({ filter: /^node:timers\/promises$/ }, () => ({ path: "timers", namespace: "browser-timers" }));
    build.onLoad({ filter: /.*/, namespace: "browser-timers" }, () => ({
      contents: "export const setImmediate = () => new Promise((done) => { const c = new MessageChannel(); c.port1.onmessage = () => done(); c.port2.postMessage(0); });",
      loader: "js",
    }));
  },
};

const common = { bundle: true, minify: true, sourcemap: false, target: "es2022", format: "iife", platform: "browser", logLevel: "warning", legalComments: "none" };
const builds = [
  { ...common, entryPoints: { playground: join(root, "playground/src/main.ts") }, plugins: [bundledFiles], loader: { ".ttf": "file" }, assetNames: "[name]" },
  { ...common, entryPoints: { "server.worker": join(root, "playground/src/worker.ts"), boot: join(root, "playground/src/boot.ts") }, plugins: [browserTimers] },
  { ...common, entryPoints: { "editor.worker": join(root, "node_modules/monaco-editor/esm/vs/editor/editor.worker.js") } },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(root, "playground/index.html"), join(out, "index.html"));
copyFileSync(join(root, "images/encounter-file.svg"), join(out, "favicon.svg"));
const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, outdir: out, metafile: true })));
// Monaco's CSS comes out beside the page bundle; the frame's own styles go after it.
const css = readFileSync(join(out, "playground.css"), "utf8") + readFileSync(join(root, "playground/style.css"), "utf8");
writeFileSync(join(out, "playground.css"), css);
const bytes = results.flatMap((r) => Object.entries(r.metafile.outputs)).reduce((n, [, o]) => n + o.bytes, 0);
console.log(`site/ built: ${(bytes / 1024).toFixed(0)} KiB in ${results.reduce((n, r) => n + Object.keys(r.metafile.outputs).length, 0)} files -> ${out}`);

if (values.serve) {
  const ctx = await esbuild.context({ entryPoints: [], outdir: out, logLevel: "warning" });
  const { port } = await ctx.serve({ servedir: out, host: "127.0.0.1", port: Number(values.port) });
  console.log(`Playground: http://127.0.0.1:${port}/  (Ctrl+C stops)`);
}

#!/usr/bin/env node
// `encounter-lint`: starts the CLI bundle (out/cli-main.cjs) from V8's code cache when the build
// made one for this Node (out/cli-main.cache). A pre-commit hook runs the CLI once per commit, and
// compiling the bundle is a third of its start-up; a cache V8 does not accept (another Node
// version, other V8 flags, a changed bundle) is ignored and the bundle is compiled as usual.
// `npm run build` makes the cache by running the CLI once with ENCOUNTER_LINT_WRITE_CODE_CACHE set.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";

const bundle = join(__dirname, "cli-main.cjs");
const cacheFile = join(__dirname, "cli-main.cache");

function cached(): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile
  }
}

const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData: cached() });
if (process.env.ENCOUNTER_LINT_WRITE_CODE_CACHE) {
  // After the run, so the functions it compiled are in the cache too; temporary file and rename.
  process.on("exit", () => {
    writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
    renameSync(`${cacheFile}.tmp`, cacheFile);
  });
}
const main = new Module(bundle, module);
main.filename = bundle;
main.paths = module.paths;
script.runInThisContext()(main.exports, (id: string) => main.require(id), main, bundle, __dirname);

// Starts a bundle of out/ (the CLI's, the language server's) from V8's code cache when the build
// made one for this Node (`<name>.cache` beside `<name>.cjs`). Compiling a bundle is a large part
// of a short run's start-up (a pre-commit hook runs the CLI once per commit); a cache V8 does not
// accept (another Node version, other V8 flags, a changed bundle) is ignored and the bundle is
// compiled as usual. The build makes each cache by running the bundle once with
// ENCOUNTER_LINT_WRITE_CODE_CACHE set (esbuild.mjs); nothing is written at any other time.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";

export function launchBundle(dir: string, name: string, parent: NodeModule) {
  const bundle = join(dir, `${name}.cjs`);
  const cacheFile = join(dir, `${name}.cache`);
  const script = new Script(Module.wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData: cached(cacheFile) });
  if (process.env.ENCOUNTER_LINT_WRITE_CODE_CACHE) {
    // After the run, so the functions it compiled are in the cache too; temporary file and rename.
    process.on("exit", () => {
      writeFileSync(`${cacheFile}.tmp`, script.createCachedData());
      renameSync(`${cacheFile}.tmp`, cacheFile);
    });
  }
  const main = new Module(bundle, parent);
  main.filename = bundle;
  main.paths = parent.paths;
  script.runInThisContext()(main.exports, (id: string) => main.require(id), main, bundle, dir);
}

function cached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache: compile
  }
}

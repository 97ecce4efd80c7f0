// From the command line's paths to the files to lint: globs expanded by the tool (so they work the
// same in every shell and on Windows), folders searched, ignore rules applied, and a path that
// matches nothing reported as a usage error unless --no-error-on-unmatched-pattern.
import { statSync } from "node:fs";
import { glob, isDynamicPattern } from "tinyglobby";
import { collectFiles, UsageError } from "./files.js";
import type { IgnoreRules } from "./ignore.js";

export interface Expanded {
  files: string[];
  /** Files named on the command line that the ignore rules skip (ESLint warns about these). */
  ignoredByName: string[];
}

export async function expandPaths(paths: string[], ignore: IgnoreRules, errorOnUnmatched: boolean): Promise<Expanded> {
  const files: string[] = [];
  const ignoredByName: string[] = [];
  for (const p of paths) {
    const named = !isDynamicPattern(p) && isFile(p);
    let found = isDynamicPattern(p) ? await globFiles(p) : missing(p) && !errorOnUnmatched ? [] : collectFiles([p]);
    found = found.filter((f) => {
      if (!ignore.ignores(f)) return true;
      if (named) ignoredByName.push(f);
      return false;
    });
    if (!found.length && errorOnUnmatched && !named) throw new UsageError(`no .encounter files match '${p}' (add --no-error-on-unmatched-pattern to allow this)`);
    files.push(...found);
  }
  return { files: [...new Set(files)], ignoredByName };
}

async function globFiles(pattern: string): Promise<string[]> {
  const found = await glob(pattern, { onlyFiles: true, expandDirectories: false, ignore: ["**/node_modules/**", "**/.git/**"] });
  return found.filter((f) => f.endsWith(".encounter")).sort();
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function missing(p: string): boolean {
  try {
    statSync(p);
    return false;
  } catch {
    return true;
  }
}

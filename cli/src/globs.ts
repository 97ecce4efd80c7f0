// From the command line's paths to the files to lint: globs expanded by the tool (so they work the
// same in every shell and on Windows), folders searched, ignore rules applied, and a path that
// matches nothing reported as a usage error unless --no-error-on-unmatched-pattern. A glob never
// matches a link (to a file or a folder: no loops, nothing outside read), and its matches pass the
// same checks as a folder's files (files.ts), so only regular files are linted.
import { statSync } from "node:fs";
import { glob, isDynamicPattern } from "tinyglobby";
import { collectFiles, rootOf, sortFound, UsageError, type Skipped } from "./files.js";
import type { IgnoreRules } from "./ignore.js";

export interface Expanded {
  files: string[];
  /** Files named on the command line that the ignore rules skip (ESLint warns about these). */
  ignoredByName: string[];
  /** Files found but not linted (not regular files, links out of the folders), for --stats. */
  skipped: Skipped[];
}

export async function expandPaths(paths: string[], ignore: IgnoreRules, errorOnUnmatched: boolean): Promise<Expanded> {
  const files: string[] = [];
  const ignoredByName: string[] = [];
  const skipped: Skipped[] = [];
  for (const p of paths) {
    const dynamic = isDynamicPattern(p);
    const named = !dynamic && isFile(p);
    const collected = dynamic ? await globFiles(p) : missing(p) && !errorOnUnmatched ? { files: [], skipped: [] } : collectFiles([p]);
    skipped.push(...collected.skipped);
    const found = collected.files.filter((f) => {
      if (!ignore.ignores(f)) return true;
      if (named) ignoredByName.push(f);
      return false;
    });
    if (!found.length && errorOnUnmatched && !named) throw new UsageError(`no .encounter files match '${p}' (add --no-error-on-unmatched-pattern to allow this)`);
    files.push(...found);
  }
  return { files: [...new Set(files)], ignoredByName, skipped };
}

async function globFiles(pattern: string): Promise<{ files: string[]; skipped: Skipped[] }> {
  const found = await glob(pattern, { onlyFiles: true, expandDirectories: false, followSymbolicLinks: false, ignore: ["**/node_modules/**", "**/.git/**"] });
  const roots = [rootOf(fixedPrefix(pattern))];
  const files: string[] = [];
  const skipped: Skipped[] = [];
  for (const f of found.filter((f) => f.endsWith(".encounter")).sort()) sortFound(f, roots, files, skipped);
  return { files, skipped };
}

/** The folders before a glob's first wildcard ("." when it starts with one). */
function fixedPrefix(pattern: string): string {
  const parts = pattern.split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.length ? fixed.join("/") || "/" : ".";
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

// Files to skip: --ignore-pattern (relative to the working folder) and .encounterlintignore files
// (gitignore syntax, relative to their own folder), found like the configuration: the nearest one
// above each file. The `ignore` package is the gitignore matcher ESLint uses.
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { UsageError } from "./files.js";
import { DEFAULT_MAX_FILE_BYTES, readLintable } from "./io.js";

export const IGNORE_FILE = ".encounterlintignore";

export class IgnoreRules {
  private readonly fromFlags: Ignore;
  private readonly byDir = new Map<string, { dir: string; rules: Ignore } | null>();

  constructor(patterns: string[], private readonly cwd = process.cwd()) {
    this.fromFlags = ignore().add(patterns);
  }

  ignores(file: string): boolean {
    const abs = resolve(this.cwd, file);
    const fromCwd = relative(this.cwd, abs);
    if (fromCwd && !fromCwd.startsWith("..") && this.fromFlags.ignores(slash(fromCwd))) return true;
    const nearest = this.nearest(dirname(abs));
    return !!nearest && nearest.rules.ignores(slash(relative(nearest.dir, abs)));
  }

  private nearest(dir: string): { dir: string; rules: Ignore } | null {
    const known = this.byDir.get(dir);
    if (known !== undefined) return known;
    const here = join(dir, IGNORE_FILE);
    const parent = dirname(dir);
    const found = existsSync(here) ? { dir, rules: ignore().add(read(here)) } : parent === dir ? null : this.nearest(parent);
    this.byDir.set(dir, found);
    return found;
  }
}

const slash = (p: string) => p.split(sep).join("/");

/** An ignore file is held to the linted files' rules: a regular file under the size limit. */
function read(file: string): string {
  const r = readLintable(file, DEFAULT_MAX_FILE_BYTES);
  if (r.text === undefined) throw new UsageError(`'${file}' is too large for an ignore file (${r.size} bytes)`);
  return r.text;
}

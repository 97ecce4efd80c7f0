// Files to skip: --ignore-pattern (relative to the working folder) and .encounterlintignore files
// (gitignore syntax, relative to their own folder), found like the configuration: the nearest one
// above each file. The `ignore` package is the gitignore matcher ESLint uses.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import { UsageError } from "./files.js";

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

function read(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read '${file}': ${(e as Error).message}`);
  }
}

// Programs that npm cannot install (a browser, an editor, code-server's native build). Without
// one, a test is skipped with the line that installs it; under CI (env CI set) it runs and fails
// instead, so CI never passes by skipping. Use: test(name, needs(CHROMIUM), fn), and inside the
// body call the resolved path.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface Program {
  /** What the skip line calls it. */
  name: string;
  /** Its path, or undefined when it is not on this machine. */
  path: () => string | undefined;
  /** The command that installs it. */
  install: string;
}

const firstExisting = (...paths: string[]) => () => paths.find((p) => existsSync(p));
const onPath = (cmd: string) => () => (spawnSync(cmd, ["--version"], { stdio: "ignore" }).status === 0 ? cmd : undefined);

export const CHROMIUM: Program = {
  name: "Chromium",
  path: firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser"),
  install: "apt-get install -y chromium",
};

export const NEOVIM: Program = { name: "Neovim", path: onPath("nvim"), install: "apt-get install -y neovim" };

export const CODE_SERVER: Program = {
  name: "code-server",
  path: firstExisting(join(process.cwd(), ".e2e/code-server-4.100.3/node_modules/code-server/out/node/entry.js")),
  install: "apt-get install -y ripgrep libkrb5-dev, then bash scripts/e2e-setup.sh",
};

/** Test options: skipped, with the install line, when a program is missing outside CI. */
export function needs(...programs: Program[]): { skip?: string } {
  if (process.env.CI) return {};
  const missing = programs.filter((p) => !p.path());
  if (!missing.length) return {};
  return { skip: `needs ${missing.map((p) => `${p.name} (${p.install})`).join(" and ")}` };
}

/** The program's path, or a failure naming how to install it (CI, or a test that was not skipped). */
export function pathOf(p: Program): string {
  const found = p.path();
  if (!found) throw new Error(`${p.name} is missing: ${p.install}`);
  return found;
}

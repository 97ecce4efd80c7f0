// Neovim as a second real client, configured with the snippet from docs/server.md (so the
// documented configuration is the tested one). Without Neovim it is skipped (a failure under CI).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { NEOVIM, needs, pathOf } from "../needs.js";

test("Neovim: diagnostics, hover and a quick fix through the documented config", needs(NEOVIM), () => {
  pathOf(NEOVIM);

  const docs = readFileSync("docs/server.md", "utf8");
  const snippet = /<!-- nvim-config -->\s*```lua\n([\s\S]*?)```/.exec(docs)?.[1];
  assert.ok(snippet, "docs/server.md has the Neovim config snippet");

  const dir = mkdtempSync(join(tmpdir(), "enc-nvim-"));
  try {
    // `encounter-language-server` on PATH, as `npm install -g` would put it.
    const bin = join(dir, "encounter-language-server");
    writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${resolve("out/server.cjs")}" "$@"\n`);
    chmodSync(bin, 0o755);
    writeFileSync(join(dir, "config.lua"), snippet);
    const file = join(dir, "ondansetron.encounter");
    writeFileSync(file, 'encounter "Antiemetic"\n  setting hopd\n  push ondansetron 4mg 5min\n  claim 96409\n');
    const r = spawnSync("nvim", ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", `luafile ${resolve("test/nvim/probe.lua")}`], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}`, ENC_CONFIG: join(dir, "config.lua"), ENC_FILE: file },
    });
    const report = JSON.parse(r.stdout.trim().split("\n").pop() || "{}");
    assert.deepEqual(report.errors, [], r.stdout + r.stderr);
    assert.equal(r.status, 0);
    assert.equal(report.filetype, "encounter");
    assert.equal(report.fix, "Change '96409' to '96374'");
    assert.equal(report.line_after_fix, "  claim 96374");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

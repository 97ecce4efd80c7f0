// The whole workspace is linted at start and kept up to date from file events, open or not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DidChangeWatchedFilesNotification, FileChangeType } from "vscode-languageserver-protocol/node";
import { TestClient } from "./client.js";

test("workspace files are linted at start, on change and on delete", async () => {
  const dir = mkdtempSync(join(tmpdir(), "enc-ws-"));
  mkdirSync(join(dir, "day2"));
  const a = join(dir, "a.encounter");
  const b = join(dir, "day2", "b.encounter");
  writeFileSync(a, "setting hopd\npush ondansetron 4mg 5min\nclaim 96409\n");
  writeFileSync(b, "setting office\npush doxorubicin 60mg 5min\nclaim 96409\n");
  const ua = pathToFileURL(a).href;
  const ub = pathToFileURL(b).href;
  const c = await TestClient.start({ settings: { validate: { delay: 0 } }, workspaceFolders: [pathToFileURL(dir).href] });
  try {
    // Both files were analysed without being opened (waiters may register after publication).
    const seen = (uri: string) => c.published.find((p) => p.uri === uri) ?? c.diagnostics(uri);
    const [pa, pb] = await Promise.all([seen(ua), seen(ub)]);
    assert.deepEqual(pa.diagnostics.map((d) => d.code), ["non-chemo-as-chemo"]);
    assert.ok(pb.diagnostics.every((d) => d.severity !== 1), "the doxorubicin claim is right");

    writeFileSync(b, "setting office\npush doxorubicin 60mg 5min\nclaim 96411\n");
    const changed = c.diagnostics(ub);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ub, type: FileChangeType.Changed }] });
    assert.deepEqual((await changed).diagnostics.map((d) => d.code), ["addon-without-primary"]);

    unlinkSync(a);
    const deleted = c.diagnostics(ua);
    await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ua, type: FileChangeType.Deleted }] });
    assert.deepEqual((await deleted).diagnostics, []);
  } finally {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

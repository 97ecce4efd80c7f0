// The editor honours encounter-lint.config.json as the CLI does: on a project whose configuration
// sets the setting, the payer, rule severities, an extra drug table, a payer profile and NCCI edit
// files, the built server and the built CLI give the same findings (rule, severity, range,
// message); the server checks again when the configuration or a file it names changes, and a
// broken configuration is shown once, with the CLI's words, while the document is still checked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from "vscode-languageserver-protocol/node";
import { ACME, CONFIG, configProject } from "./config-project.js";
import { TestClient } from "./client.js";

const CLI = resolve("out/cli.cjs");
const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

interface CliFinding { rule: string; severity: keyof typeof SEVERITY; message: string; denial?: string; line: number; column: number; endLine: number; endColumn: number }

/** The CLI's findings for one file, in the server's terms (0-based ranges, the denial in the message). */
function cliFindings(dir: string, file: string): string[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, "--format", "json", file], { cwd: dir, encoding: "utf8" });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit status 1 means findings
  }
  const findings = (JSON.parse(out) as { files: { findings: CliFinding[] }[] }).files[0].findings;
  return findings.map((f) => `${f.rule} ${SEVERITY[f.severity]} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${f.denial ? `${f.message} Predicted denial: ${f.denial}.` : f.message}`);
}

const serverFindings = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
const rules = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line + 1}`);

/** The editor's own defaults differ from the configuration's: the configuration must win. */
const EDITOR = { validate: { delay: 0 }, defaults: { setting: "hopd" as const, payer: "medicare" } };

/** A diagnostics wait that fails instead of hanging when the server never sends them. */
function within<T>(p: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no diagnostics ${what} within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

async function changed(c: TestClient, ...paths: string[]) {
  await c.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: paths.map((p) => ({ uri: pathToFileURL(p).href, type: FileChangeType.Changed as FileChangeType })) });
}

test("with a configuration that sets every key, the server and the CLI give the same findings", async () => {
  const { dir, file } = configProject();
  const c = await TestClient.start({ settings: EDITOR });
  try {
    const p = await c.open(pathToFileURL(file).href, readFileSync(file, "utf8"));
    // The configuration is in force: its PTP file, payer, drug table, setting and rule severities.
    assert.deepEqual(rules(p.diagnostics), ["ptp-edit@5", "payer-edit@13", "ptp-edit@13", "syntax@17"]);
    assert.equal(p.diagnostics[3].severity, SEVERITY.warning, "syntax is a warning by the configuration");
    assert.deepEqual(serverFindings(p.diagnostics), cliFindings(dir, file));
    assert.deepEqual(c.messages, []);
  } finally {
    await c.stop();
  }
});

test("the server checks open documents again when the configuration or a file it names changes", async () => {
  const { dir, file, configFile } = configProject();
  const uri = pathToFileURL(file).href;
  const c = await TestClient.start({ settings: EDITOR });
  try {
    await c.open(uri, readFileSync(file, "utf8"));

    writeFileSync(configFile, JSON.stringify({ ...CONFIG, rules: { "ptp-edit": "off", "payer-edit": "error" } }));
    let next = c.diagnostics(uri, (d) => !d.diagnostics.some((x) => x.code === "ptp-edit"));
    await changed(c, configFile);
    let p = await within(next, "after the configuration changed");
    assert.deepEqual(rules(p.diagnostics), ["missing-code@13", "payer-edit@13", "syntax@17"]);
    assert.equal(p.diagnostics[1].severity, SEVERITY.error);
    assert.deepEqual(serverFindings(p.diagnostics), cliFindings(dir, file));

    // A payer profile the configuration names, edited: its new message shows.
    writeFileSync(join(dir, "tables/acme.json"), JSON.stringify({ ...ACME, edits: [{ ...ACME.edits[0], message: "Acme Health pays a single 96375 per day; attach the records for more" }] }));
    next = c.diagnostics(uri, (d) => d.diagnostics.some((x) => String(x.message).includes("attach the records")));
    await changed(c, join(dir, "tables/acme.json"));
    p = await within(next, "after the payer profile changed");
    assert.deepEqual(serverFindings(p.diagnostics), cliFindings(dir, file));
  } finally {
    await c.stop();
  }
});

test("a broken configuration is shown once, in the CLI's words, and documents are checked without it", async () => {
  const { dir, file, configFile } = configProject();
  writeFileSync(configFile, JSON.stringify({ ...CONFIG, setting: "clinic" }));
  let stderr = "";
  try {
    execFileSync(process.execPath, [CLI, file], { cwd: dir, encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    stderr = (e as { stderr: string }).stderr;
  }
  assert.match(stderr, /encounter-lint\.config\.json: 'setting' must be one of office, hopd, home \(found "clinic"\)/);
  const c = await TestClient.start({ settings: EDITOR });
  try {
    const text = readFileSync(file, "utf8");
    const p = await c.open(pathToFileURL(file).href, text);
    const other = join(dir, "day1/b.encounter");
    await c.open(pathToFileURL(other).href, text);
    // Checked with the editor's defaults (hopd, Medicare) and no drug table: Testavia is unknown.
    assert.ok(rules(p.diagnostics).includes("unknown-drug@9"), rules(p.diagnostics).join(" "));
    assert.deepEqual(c.messages, [stderr.trim()], "one message for two documents");

    // Fixed: the configuration is in force again and the message is not repeated.
    writeFileSync(configFile, JSON.stringify(CONFIG));
    const next = c.diagnostics(pathToFileURL(file).href, (d) => d.diagnostics.some((x) => x.code === "ptp-edit"));
    await changed(c, configFile);
    assert.deepEqual(serverFindings((await within(next, "after the configuration was fixed")).diagnostics), cliFindings(dir, file));
    assert.equal(c.messages.length, 1);
  } finally {
    await c.stop();
  }
});

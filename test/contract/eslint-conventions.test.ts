// The conventions ESLint users expect (CLI.md revision 2), each checked as a process against the
// built bundle: exact output, exit status, and files left as they were.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const cli = (args: string[], opts: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}) => {
  const env = { ...process.env, ...opts.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR"]) if (!opts.env || !(k in opts.env)) delete env[k];
  const r = spawnSync(process.execPath, [join(ROOT, "out/cli.cjs"), ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? "", encoding: "utf8", env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const ADDON = readFileSync("samples/addon-without-primary.encounter", "utf8");
const CORRECT = readFileSync("samples/rchop-day1-correct.encounter", "utf8");
/** A folder: clean.encounter (no errors), addon.encounter (one fixable error), drafts/draft.encounter. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "encounter-eslint-"));
  writeFileSync(join(dir, "clean.encounter"), CORRECT);
  writeFileSync(join(dir, "addon.encounter"), ADDON);
  mkdirSync(join(dir, "drafts"));
  writeFileSync(join(dir, "drafts/draft.encounter"), ADDON);
  return dir;
}
const paths = (stdout: string) => (JSON.parse(stdout).files as { path: string }[]).map((f) => f.path);

test("--version and -v print the package version, one line", () => {
  assert.deepEqual(cli(["--version"]), { code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  assert.equal(cli(["-v"]).stdout, `${pkg.version}\n`);
});

test("--help on every command, from the same table that parses the options", () => {
  for (const [args, usage] of [[[], "encounter-lint [options] [paths...]"], [["explain"], "encounter-lint explain [options] FILE"], [["key"], "encounter-lint key [options] DIR|FILE"], [["grade"], "encounter-lint grade --key KEY.json [options] DIR"]] as const) {
    const r = cli([...args, "--help"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith(`Usage: ${usage}\n`), r.stdout);
    assert.match(r.stdout, /-h, --help +show this help/);
  }
  const lint = cli(["-h"]).stdout;
  for (const flag of ["--stdin", "--stdin-filename NAME", "--fix-dry-run", "--color", "--no-color", "--ignore-pattern GLOB", "--no-error-on-unmatched-pattern", "--print-config FILE", "--init", "--version"]) assert.ok(lint.includes(flag), flag);
  assert.match(lint, /docs\/language\.md/);
});

test("an unknown option or a missing value is one readable line and exit 2", () => {
  assert.deepEqual(cli(["--frobnicate"]), { code: 2, stdout: "", stderr: "encounter-lint: unknown option '--frobnicate' (see encounter-lint --help)\n" });
  assert.deepEqual(cli(["grade", "--version"]), { code: 2, stdout: "", stderr: "encounter-lint: unknown option '--version' (see encounter-lint grade --help)\n" });
  assert.equal(cli(["--format"]).stderr, "encounter-lint: --format needs a value: stylish|json|sarif|junit (see encounter-lint --help)\n");
});

test("--stdin and `-` lint standard input, reported under --stdin-filename, config found from it", () => {
  const dir = project();
  writeFileSync(join(dir, "drafts/encounter-lint.config.json"), JSON.stringify({ rules: { "addon-without-primary": "off" } }));
  const plain = cli(["--stdin", "--format", "json"], { cwd: dir, input: ADDON });
  assert.equal(plain.code, 1);
  assert.deepEqual(paths(plain.stdout), ["<stdin>"]);
  assert.deepEqual(JSON.parse(plain.stdout).files[0].findings.map((f: { rule: string }) => f.rule), ["addon-without-primary"]);
  const named = cli(["-", "--stdin-filename", "drafts/x.encounter", "--format", "json"], { cwd: dir, input: ADDON });
  assert.equal(named.code, 0, named.stderr);
  assert.deepEqual(paths(named.stdout), ["drafts/x.encounter"]);
  assert.equal(cli(["--stdin", "--fix"], { cwd: dir, input: ADDON }).stderr, "encounter-lint: --fix cannot write back to standard input: use --fix-dry-run to see the fixed text\n");
  assert.equal(cli(["-", "clean.encounter"], { cwd: dir, input: ADDON }).code, 2);
});

test("--fix-dry-run reports what --fix would leave, with the fixed text in json, and writes nothing", () => {
  const dir = project();
  const r = cli(["--fix-dry-run", "--format", "json", "addon.encounter", "clean.encounter"], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const [addon, clean] = JSON.parse(r.stdout).files;
  assert.equal(addon.output, ADDON.replace("claim 96411, J9000 x5", "claim 96409, J9000 x5"));
  assert.deepEqual(addon.findings.filter((f: { severity: string }) => f.severity === "error"), []);
  assert.equal(clean.output, undefined, "no output for a file no fix changes");
  assert.equal(readFileSync(join(dir, "addon.encounter"), "utf8"), ADDON);
  const stdin = cli(["--stdin", "--fix-dry-run", "--format", "json"], { cwd: dir, input: ADDON });
  assert.match(JSON.parse(stdin.stdout).files[0].output, /claim 96409, J9000 x5/);
});

test("colour: --color / --no-color (last wins), NO_COLOR, FORCE_COLOR; never when not asked on a pipe", () => {
  const dir = project();
  const esc = (r: { stdout: string }) => r.stdout.includes("\u001b[");
  assert.equal(esc(cli(["addon.encounter"], { cwd: dir })), false);
  assert.equal(esc(cli(["--color", "addon.encounter"], { cwd: dir })), true);
  assert.equal(esc(cli(["--color", "--no-color", "addon.encounter"], { cwd: dir })), false);
  assert.equal(esc(cli(["addon.encounter"], { cwd: dir, env: { FORCE_COLOR: "1" } })), true);
  assert.equal(esc(cli(["addon.encounter"], { cwd: dir, env: { FORCE_COLOR: "0" } })), false);
  assert.equal(esc(cli(["addon.encounter"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } })), false);
  assert.equal(esc(cli(["--color", "addon.encounter"], { cwd: dir, env: { NO_COLOR: "1" } })), true);
});

test("globs are expanded by the tool; a path or glob matching nothing is exit 2 unless allowed", () => {
  const dir = project();
  assert.deepEqual(paths(cli(["--format", "json", "**/*.encounter"], { cwd: dir }).stdout), ["addon.encounter", "clean.encounter", "drafts/draft.encounter"]);
  assert.deepEqual(paths(cli(["--format", "json", "drafts/*.encounter"], { cwd: dir }).stdout), ["drafts/draft.encounter"]);
  const none = cli(["nothing/**/*.encounter"], { cwd: dir });
  assert.deepEqual(none, { code: 2, stdout: "", stderr: "encounter-lint: no .encounter files match 'nothing/**/*.encounter' (add --no-error-on-unmatched-pattern to allow this)\n" });
  assert.equal(cli(["missing.encounter"], { cwd: dir }).code, 2);
  const allowed = cli(["--no-error-on-unmatched-pattern", "--format", "json", "nothing/*.encounter", "missing.encounter", "clean.encounter"], { cwd: dir });
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.deepEqual(paths(allowed.stdout), ["clean.encounter"]);
});

test("--ignore-pattern and .encounterlintignore (gitignore syntax, nearest one above each file)", () => {
  const dir = project();
  assert.deepEqual(paths(cli(["--format", "json", "--ignore-pattern", "drafts/", "."], { cwd: dir }).stdout), ["addon.encounter", "clean.encounter"]);
  assert.deepEqual(paths(cli(["--format", "json", "--ignore-pattern", "*.encounter", "--ignore-pattern", "!clean.encounter", "."], { cwd: dir }).stdout), ["clean.encounter"]);
  writeFileSync(join(dir, ".encounterlintignore"), "# drafts are unfinished\ndrafts/\n");
  assert.deepEqual(paths(cli(["--format", "json", "."], { cwd: dir }).stdout), ["addon.encounter", "clean.encounter"]);
  assert.deepEqual(paths(cli(["--format", "json", "**/*.encounter"], { cwd: dir }).stdout), ["addon.encounter", "clean.encounter"]);
  writeFileSync(join(dir, "drafts/.encounterlintignore"), "");
  assert.deepEqual(paths(cli(["--format", "json", "."], { cwd: dir }).stdout), ["addon.encounter", "clean.encounter", "drafts/draft.encounter"], "the nearest ignore file wins");
  const named = cli(["--ignore-pattern", "addon.encounter", "addon.encounter", "clean.encounter"], { cwd: dir });
  assert.equal(named.code, 0);
  assert.equal(named.stderr, "encounter-lint: addon.encounter is skipped: it matches an ignore pattern\n");
});

test("--max-warnings says why it failed", () => {
  const dir = project();
  writeFileSync(join(dir, "warn.encounter"), CORRECT.replace(/claim .*/, "claim 96413"));
  const r = cli(["--max-warnings", "0", "warn.encounter"], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^encounter-lint: \d+ warnings? found, more than --max-warnings 0 allows\n$/);
  assert.equal(cli(["--max-warnings", "99", "warn.encounter"], { cwd: dir }).code, 0);
});

test("-o into a missing folder creates it", () => {
  const dir = project();
  assert.equal(cli(["--format", "json", "-o", "reports/deep/lint.json", "clean.encounter"], { cwd: dir }).code, 0);
  assert.deepEqual(paths(readFileSync(join(dir, "reports/deep/lint.json"), "utf8")), ["clean.encounter"]);
  assert.equal(cli(["explain", "-o", "reports/x/explain.txt", "clean.encounter"], { cwd: dir }).code, 0);
  assert.ok(existsSync(join(dir, "reports/x/explain.txt")));
});

test("--print-config shows the configuration for a file: nearest config and --rule overrides", () => {
  const dir = project();
  writeFileSync(join(dir, "drafts/encounter-lint.config.json"), JSON.stringify({ setting: "office", rules: { "missing-code": "error" } }));
  const r = cli(["--print-config", "drafts/draft.encounter", "--rule", "units=off"], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { configFile: join(dir, "drafts/encounter-lint.config.json"), setting: "office", rules: { "missing-code": "error", units: "off" } });
  assert.deepEqual(JSON.parse(cli(["--print-config", "clean.encounter"], { cwd: dir }).stdout), { configFile: null, rules: {} });
});

test("--init writes a starter configuration that changes nothing, and refuses to overwrite it", () => {
  const dir = project();
  const r = cli(["--init"], { cwd: dir });
  const file = join(dir, "encounter-lint.config.json");
  assert.deepEqual(r, { code: 0, stdout: `wrote ${file}\n`, stderr: "" });
  const starter = JSON.parse(readFileSync(file, "utf8"));
  assert.deepEqual(Object.keys(starter), ["$comment"]);
  for (const key of ["setting", "payer", "rules", "drugs", "payers"]) assert.ok(starter.$comment.some((l: string) => l.startsWith(`"${key}"`)), key);
  assert.deepEqual(JSON.parse(cli(["--print-config", "addon.encounter"], { cwd: dir }).stdout), { configFile: file, rules: {} });
  writeFileSync(file, '{"setting":"hopd"}');
  assert.deepEqual(cli(["--init"], { cwd: dir }), { code: 2, stdout: "", stderr: `encounter-lint: ${file} already exists; --init never overwrites a configuration\n` });
  assert.equal(readFileSync(file, "utf8"), '{"setting":"hopd"}');
  cpSync(join(ROOT, "schemas"), join(dir, "node_modules/encounter-lint/schemas"), { recursive: true });
  const other = mkdtempSync(join(dir, "sub-"));
  cpSync(join(dir, "node_modules"), join(other, "node_modules"), { recursive: true });
  cli(["--init"], { cwd: other });
  assert.equal(JSON.parse(readFileSync(join(other, "encounter-lint.config.json"), "utf8")).$schema, "./node_modules/encounter-lint/schemas/encounter-lint.config.schema.json");
});

test("--init writes through a temporary file: a failed write leaves no configuration, half or whole", () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-init-"));
  // A file-size limit of 512 bytes makes the write of the starter (about 900 bytes) fail half way.
  const r = spawnSync("/bin/sh", ["-c", `ulimit -f 1; exec "${process.execPath}" "${join(ROOT, "out/cli.cjs")}" --init`], { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^encounter-lint: cannot write '.*encounter-lint\.config\.json': .*\n$/);
  assert.deepEqual(readdirSync(dir), [], "no half-written configuration and no temporary file");
});

test("--init never replaces what already has the configuration's name, a link to nowhere included", () => {
  const dir = mkdtempSync(join(tmpdir(), "encounter-init-"));
  const file = join(dir, "encounter-lint.config.json");
  symlinkSync(join(dir, "shared/encounter-lint.config.json"), file);
  assert.deepEqual(cli(["--init"], { cwd: dir }), { code: 2, stdout: "", stderr: `encounter-lint: ${file} already exists; --init never overwrites a configuration\n` });
  assert.equal(readlinkSync(file), join(dir, "shared/encounter-lint.config.json"));
  assert.deepEqual(readdirSync(dir), ["encounter-lint.config.json"]);
});

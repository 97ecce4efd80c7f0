// Issue 9: nothing lost, nothing stale. The CLI (the built bundle, as a process) on hostile
// input: stale caches, interrupted writes, outputs that are inputs, special files, bad data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { replaceIfUnchanged } from "../../cli/src/safe-write.js";
import { OptionsResolver } from "../../cli/src/lint-file.js";
import { xmlProblem } from "../fuzz/xml.js";

const cli = (args: string[], cwd: string, timeout = 20_000) => {
  const r = spawnSync(process.execPath, [join(process.cwd(), "out/cli.cjs"), ...args], { cwd, encoding: "utf8", timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
};
const tmp = () => mkdtempSync(join(tmpdir(), "encounter-lint-safety-"));
const oneLine = (s: string) => assert.equal(s.trim().split("\n").length, 1, s);
/** An add-on (96375) claimed without its primary: an addon-without-primary error. */
const ADDON_ONLY = "push ondansetron 4mg 5min\nclaim 96375\n";

test("--cache: a changed configuration, a changed drug table or a changed option re-lints", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.encounter"), ADDON_ONLY);
  const config = join(dir, "encounter-lint.config.json");
  const run = () => cli(["--cache", "--format", "json", "a.encounter"], dir);
  writeFileSync(config, JSON.stringify({ rules: { "addon-without-primary": "off" } }));
  const off = run();
  assert.equal(run().code, off.code);
  writeFileSync(config, "{}");
  const on = run();
  assert.equal(on.code, cli(["--format", "json", "a.encounter"], dir).code, "the cache gives what a fresh run gives");
  assert.notEqual(on.stdout, off.stdout);
  // A drug table named by the configuration: its content is part of the key.
  writeFileSync(join(dir, "b.encounter"), "push zorbitol 10mg 5min\nclaim 96374\n");
  writeFileSync(config, JSON.stringify({ drugs: ["drugs.json"] }));
  const table = (cls: string) => writeFileSync(join(dir, "drugs.json"), JSON.stringify([{ name: "zorbitol", class: cls, source: "test table" }]));
  table("therapeutic");
  const asTherapeutic = cli(["--cache", "--format", "json", "b.encounter"], dir);
  table("chemo");
  const asChemo = cli(["--cache", "--format", "json", "b.encounter"], dir);
  assert.equal(asChemo.stdout, cli(["--format", "json", "b.encounter"], dir).stdout);
  assert.notEqual(asChemo.stdout, asTherapeutic.stdout);
  // The size limit changes findings, so it is in the key too.
  const small = cli(["--cache", "--max-file-size", "10", "--format", "json", "b.encounter"], dir);
  assert.match(small.stdout, /file-too-large/);
});

test("--cache: a corrupt, truncated or foreign cache is one warning, then rebuilt", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.encounter"), ADDON_ONLY);
  const cacheFile = join(dir, ".encounter-lint-cache/cache.json");
  mkdirSync(join(dir, ".encounter-lint-cache"));
  for (const bad of ['{"version":"0.1.0","entries":"x"}', '{"format":"encounter-lint-cache/2","version":"0.1.0","entries":{"', "[1,2]", "\u0000\u0001"]) {
    writeFileSync(cacheFile, bad);
    const r = cli(["--cache", "a.encounter"], dir);
    assert.equal(r.code, 1, "the findings decide the exit code, not the cache");
    oneLine(r.stderr);
    assert.match(r.stderr, /warning: '.*cache\.json' is not a cache this tool wrote .*ignored and rebuilt/);
    assert.doesNotMatch(r.stderr, /TypeError|at /);
    assert.equal(JSON.parse(readFileSync(cacheFile, "utf8")).format, "encounter-lint-cache/2", "rebuilt");
    assert.equal(cli(["--cache", "a.encounter"], dir).stderr, "", "no warning once rebuilt");
  }
  // Entries that are not reports are dropped one by one.
  writeFileSync(cacheFile, JSON.stringify({ format: "encounter-lint-cache/2", version: "0.1.0", entries: { [join(dir, "a.encounter")]: { hash: "x", report: 5 } } }));
  assert.equal(cli(["--cache", "a.encounter"], dir).code, 1);
  assert.deepEqual(readdirSync(join(dir, ".encounter-lint-cache")), ["cache.json"], "no temporary file left behind");
});

test("--fix replaces the file atomically, keeps its mode and leaves a file that changed alone", () => {
  const dir = tmp();
  const file = join(dir, "a.encounter");
  writeFileSync(file, ADDON_ONLY);
  chmodSync(file, 0o640);
  const ino = statSync(file).ino;
  assert.equal(cli(["--fix", "a.encounter"], dir).code, 0);
  assert.equal(readFileSync(file, "utf8"), "push ondansetron 4mg 5min\nclaim 96374\n");
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.notEqual(statSync(file).ino, ino, "a new file renamed over the old one");
  assert.deepEqual(readdirSync(dir), ["a.encounter"], "no temporary file left behind");
  // Changed since it was read: left alone, and false says so.
  writeFileSync(file, "edited meanwhile\n");
  assert.equal(replaceIfUnchanged(file, ADDON_ONLY, "fixed"), false);
  assert.equal(readFileSync(file, "utf8"), "edited meanwhile\n");
  assert.deepEqual(readdirSync(dir), ["a.encounter"]);
});

test("--fix never writes through a link out of the linted folder", () => {
  const outside = tmp();
  const dir = tmp();
  writeFileSync(join(outside, "chart.encounter"), ADDON_ONLY);
  symlinkSync(join(outside, "chart.encounter"), join(dir, "link.encounter"));
  writeFileSync(join(dir, "real.encounter"), ADDON_ONLY);
  symlinkSync(join(dir, "real.encounter"), join(dir, "inside.encounter"));
  const r = cli(["--fix", "--stats", "."], dir);
  assert.equal(readFileSync(join(outside, "chart.encounter"), "utf8"), ADDON_ONLY, "the file outside is untouched");
  assert.match(r.stderr, /skipped link\.encounter: a link to a file outside the linted folders/);
  assert.notEqual(readFileSync(join(dir, "real.encounter"), "utf8"), ADDON_ONLY, "a link inside is followed");
  assert.ok(statSync(join(dir, "inside.encounter")) && readdirSync(dir).includes("inside.encounter"));
});

test("-o naming an input is refused before anything is written", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.encounter"), ADDON_ONLY);
  const r = cli(["--format", "json", "-o", "a.encounter", "."], dir);
  assert.equal(r.code, 2);
  oneLine(r.stderr);
  assert.match(r.stderr, /-o 'a\.encounter' is one of the files being linted/);
  assert.equal(readFileSync(join(dir, "a.encounter"), "utf8"), ADDON_ONLY);
  assert.equal(cli(["-o", "./sub/../a.encounter", "a.encounter"], dir).code, 2);
  const explain = cli(["explain", "a.encounter", "-o", "a.encounter"], dir);
  assert.equal(explain.code, 2);
  assert.match(explain.stderr, /-o 'a\.encounter' is the file being explained/);
  assert.equal(readFileSync(join(dir, "a.encounter"), "utf8"), ADDON_ONLY);
});

test("a run ending in exit 2 writes no report and leaves the previous one intact", () => {
  const dir = tmp();
  writeFileSync(join(dir, "a.encounter"), ADDON_ONLY);
  mkdirSync(join(dir, "z"));
  writeFileSync(join(dir, "z/b.encounter"), ADDON_ONLY);
  writeFileSync(join(dir, "report.json"), "previous report\n");
  writeFileSync(join(dir, "z/encounter-lint.config.json"), JSON.stringify({ setting: "clinic" }));
  for (const format of ["json", "sarif", "junit", "stylish"]) {
    const r = cli(["--format", format, "."], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "", `${format}: nothing on stdout`);
    oneLine(r.stderr);
    assert.equal(cli(["--format", format, "-o", "report.json", "."], dir).code, 2);
    assert.equal(readFileSync(join(dir, "report.json"), "utf8"), "previous report\n");
  }
  assert.deepEqual(readdirSync(dir).sort(), ["a.encounter", "report.json", "z"]);
});

test("control characters: JUnit stays well-formed XML, stylish and explain print no escape sequence", () => {
  const dir = tmp();
  const evil = `encounter "x\x1b[2J\x00\x07y\u0085"\n  push on\x1b]0;pwned\x07dansetron 4mg 5min\n  push mys\x1b[31mtery 5mg 5min\n  claim 96409\n`;
  writeFileSync(join(dir, "e\x1bvil.encounter"), evil);
  const junit = cli(["--format", "junit", "."], dir);
  assert.equal(junit.code, 1);
  assert.equal(xmlProblem(junit.stdout), undefined, junit.stdout);
  assert.match(junit.stdout, /\\u\{001B\}/, "shown, not dropped");
  for (const args of [["."], ["explain", "e\x1bvil.encounter"], ["explain", "--format", "markdown", "e\x1bvil.encounter"]]) {
    const r = cli(args, dir);
    assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, args.join(" "));
  }
});

test("special files: a FIFO never hangs, /dev/zero and links out are skipped, --stats says why", () => {
  const dir = tmp();
  writeFileSync(join(dir, "ok.encounter"), ADDON_ONLY);
  const mk = spawnSync("mkfifo", [join(dir, "fifo.encounter")]);
  symlinkSync("/dev/zero", join(dir, "zero.encounter"));
  symlinkSync("/etc/passwd", join(dir, "passwd.encounter"));
  symlinkSync(join(dir, "nowhere"), join(dir, "dangling.encounter"));
  const r = cli(["--stats", "--format", "sarif", "."], dir, 10_000);
  assert.equal(r.timedOut, false, "finished");
  assert.equal(r.code, 1);
  const uris = JSON.parse(r.stdout).runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri);
  assert.deepEqual([...new Set(uris)], ["ok.encounter"]);
  assert.doesNotMatch(r.stdout, /root:/);
  if (mk.status === 0) assert.match(r.stderr, /skipped fifo\.encounter: not a regular file \(a named pipe\)/);
  assert.match(r.stderr, /skipped zero\.encounter: a link to a device/);
  assert.match(r.stderr, /skipped passwd\.encounter: a link to a file outside the linted folders/);
  assert.match(r.stderr, /skipped dangling\.encounter: a link to nothing/);
  if (mk.status === 0) {
    const named = cli(["fifo.encounter"], dir, 10_000);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /'fifo\.encounter': not a regular file \(a named pipe\); only regular files are linted/);
  }
  assert.equal(cli(["zero.encounter"], dir, 10_000).code, 2);
});

test("a file over the size limit is a finding, not read", () => {
  const dir = tmp();
  writeFileSync(join(dir, "big.encounter"), "# padding\n".repeat(300) + ADDON_ONLY);
  const r = JSON.parse(cli(["--format", "json", "--max-file-size", "2k", "big.encounter"], dir).stdout);
  assert.deepEqual(r.files[0].findings.map((f: { rule: string; line: number }) => [f.rule, f.line]), [["file-too-large", 1]]);
  assert.match(r.files[0].findings[0].message, /over the 0\.0 MB limit|over the .* limit: it was not read/);
  assert.equal(cli(["--max-file-size", "lots", "big.encounter"], dir).code, 2);
  const off = cli(["--format", "json", "--max-file-size", "2k", "--rule", "file-too-large=off", "big.encounter"], dir);
  assert.equal(off.code, 0);
  assert.equal(cli(["big.encounter"], dir).code, 1, "the default limit reads it (and finds the error)");
});

test("explain, key and grade refuse a file over 10 MB or not text in one line, without reading it whole", () => {
  const dir = tmp();
  // Sparse files: 4 GB on paper, no disk used. Read whole, it would take a minute and gigabytes.
  const sparse = (name: string, bytes: number) => (writeFileSync(join(dir, name), ""), truncateSync(join(dir, name), bytes));
  sparse("huge.encounter", 4 * 1024 ** 3);
  writeFileSync(join(dir, "scan.encounter"), "%PDF-1.7\n\0\0\u0001binary\n");
  const huge = `encounter-lint: 'huge.encounter' is 4096.0 MB, over the 10.0 MB limit for one file (a chart of 300 encounters is about 60 KB): it was not read\n`;
  const notText = `encounter-lint: 'scan.encounter' is not a text file (it holds NUL bytes, as PDF and Word files and UTF-16 text do): nothing in it was checked\n`;
  for (const [args, stderr] of [[["explain", "huge.encounter"], huge], [["explain", "scan.encounter"], notText], [["key", "huge.encounter"], huge], [["key", "scan.encounter"], notText]] as const) {
    const r = cli([...args], dir);
    assert.deepEqual({ code: r.code, stdout: r.stdout, stderr: r.stderr }, { code: 2, stdout: "", stderr }, args.join(" "));
  }
  mkdirSync(join(dir, "answers"));
  sparse("key.json", 64 * 1024 ** 2);
  const r = cli(["grade", "--key", "key.json", "answers"], dir);
  assert.equal(r.code, 2);
  oneLine(r.stderr);
  assert.match(r.stderr, /'key\.json' is 64\.0 MB, over the 10\.0 MB limit/);
  // The same 4 GB file given to lint is a file-too-large finding, as before.
  assert.match(cli(["--format", "json", "huge.encounter"], dir).stdout, /"rule":"file-too-large"/);
  // A configuration (or a table it names) is held to the same limit.
  sparse("encounter-lint.config.json", 4 * 1024 ** 3);
  const config = cli(["huge.encounter"], dir);
  assert.equal(config.code, 2);
  oneLine(config.stderr);
  assert.match(config.stderr, /encounter-lint\.config\.json' is 4096\.0 MB, over the 10\.0 MB limit/);
});

test("--jobs is capped by the cores; JSON numbers are always finite", () => {
  const dir = tmp();
  for (const n of [1, 2, 3]) writeFileSync(join(dir, `f${n}.encounter`), ADDON_ONLY);
  writeFileSync(join(dir, "huge.encounter"), `infuse rituximab 700mg ${"9".repeat(400)}min\nclaim 96413 x${"9".repeat(400)}\n`);
  const r = cli(["--jobs", "1000", "--stats", "--format", "json", "."], dir);
  assert.match(r.stderr, new RegExp(`jobs ${Math.min(availableParallelism(), 4)}\\b`));
  const numbers: unknown[] = [];
  JSON.parse(r.stdout, (_, v) => (typeof v === "number" && numbers.push(v), v));
  assert.ok(numbers.length > 0 && numbers.every((v) => Number.isFinite(v)));
});

test("configuration and data errors: one line naming file and field, before any output", () => {
  const dir = tmp();
  writeFileSync(join(dir, "x.encounter"), ADDON_ONLY);
  const bad = (config: unknown, payer?: unknown, args: string[] = []) => {
    writeFileSync(join(dir, "encounter-lint.config.json"), JSON.stringify(config));
    if (payer !== undefined) writeFileSync(join(dir, "p.json"), JSON.stringify(payer));
    const r = cli(["--format", "json", ...args, "x.encounter"], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, "");
    oneLine(r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
    return r.stderr;
  };
  const acme = { id: "acme", names: ["acme"], title: "Acme", source: "Acme policy" };
  const withPayer = { payers: ["p.json"] };
  assert.match(bad(withPayer, { ...acme, substitutions: [{ code: "96416", use: "G9999", reason: "r" }] }), /p\.json: 'substitutions\[0\]\.use' must be a drug-administration code .* \(found "G9999"\)/);
  assert.match(bad(withPayer, { ...acme, substitutions: "abc" }), /p\.json: 'substitutions' must be a list \(found "abc"\)/);
  assert.match(bad(withPayer, { ...acme, edits: 5 }), /p\.json: 'edits' must be a list \(found 5\)/);
  assert.match(bad(withPayer, { ...acme, edits: [{ id: "e", message: "m", settings: 5 }] }), /p\.json: 'edits\[0\]\.settings' must be a list of settings/);
  assert.match(bad({ payer: "medicaer" }), /encounter-lint\.config\.json: 'payer' is not a known payer \(known: medicare, ibx/);
  writeFileSync(join(dir, "afile"), "");
  assert.match(bad({}, undefined, ["--cache", "--cache-location", "afile"]), /--cache-location 'afile': is a file; expected a folder/);
  assert.match(bad({}, undefined, ["--cache", "--cache-location", "/dev/null/cache"]), /--cache-location '\/dev\/null\/cache': cannot create the cache folder/);
  // A byte-order mark before the JSON is fine.
  writeFileSync(join(dir, "encounter-lint.config.json"), "\uFEFF" + JSON.stringify({ rules: { "addon-without-primary": "off" } }));
  assert.equal(cli(["x.encounter"], dir).code, 0);
});

test("configurations loaded by the main thread are reused, not read again (one read for every worker)", () => {
  const missing = join(tmpdir(), "no-such-folder-encounter-lint", "encounter-lint.config.json");
  const loaded = { [missing]: { config: { setting: "office" as const }, drugs: [], payers: [] } };
  const resolver = new OptionsResolver({ fix: false, overrides: {}, configFile: missing, loaded });
  assert.equal(resolver.optionsFor("x.encounter").defaults?.setting, "office");
  assert.equal(existsSync(missing), false);
});

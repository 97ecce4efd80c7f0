// The default command: lint files and folders (CLI.md), for a pull request's samples or an
// audit export of a million encounters: worker threads, shards, a content cache, streaming reports.
import { writeSync, openSync, closeSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import pkg from "../../../package.json";
import type { Severity } from "../../../server/src/engine/rules.js";
import { ContentCache } from "../cache.js";
import { useColor } from "../color.js";
import { loadConfig, parseRuleOverride } from "../config.js";
import { editFilesStamp, editFilesStats, startRun } from "../edit-files.js";
import { UsageError } from "../files.js";
import { expandPaths } from "../globs.js";
import { IgnoreRules } from "../ignore.js";
import { initConfig } from "../init.js";
import { LINT, parseCommand } from "../options.js";
import { printConfig } from "../print-config.js";
import { readStdin, STDIN_NAME } from "../stdin.js";
import { jsonReporter } from "../formatters/json.js";
import { junitReporter } from "../formatters/junit.js";
import type { Reporter, Sink } from "../formatters/reporter.js";
import { sarifReporter } from "../formatters/sarif.js";
import { stylishReporter } from "../formatters/stylish.js";
import { readText, type Io } from "../io.js";
import { lintFile, OptionsResolver, type LintSettings } from "../lint-file.js";
import { Progress } from "../progress.js";
import type { FileReport } from "../report.js";

const FORMATS = ["stylish", "json", "sarif", "junit"];

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommand(LINT, argv, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  if (values.init) {
    io.stdout(`wrote ${initConfig(process.cwd())}\n`);
    return 0;
  }
  const t0 = performance.now();
  startRun();
  const format = String(values.format);
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}': use ${FORMATS.join(", ")}`);
  const maxWarnings = wholeNumber(values["max-warnings"] as string | undefined, "--max-warnings", 0);
  const jobs = wholeNumber(values.jobs as string | undefined, "--jobs", 1) ?? availableParallelism();
  const fromStdin = !!values.stdin || positionals.includes("-");
  if (fromStdin && values.fix) throw new UsageError("--fix cannot write back to standard input: use --fix-dry-run to see the fixed text");
  if (fromStdin && positionals.some((p) => p !== "-")) throw new UsageError("standard input is linted on its own: give no other paths with --stdin or -");
  const settings: LintSettings = {
    fix: !!values.fix || !!values["fix-dry-run"],
    dryRun: !!values["fix-dry-run"],
    configFile: values.config as string | undefined,
    overrides: Object.fromEntries(((values.rule as string[] | undefined) ?? []).map(parseRuleOverride)) as Record<string, Severity | "off">,
  };
  if (settings.configFile) readText(settings.configFile);
  const resolver = new OptionsResolver(settings);
  if (values["print-config"]) {
    io.stdout(printConfig(String(values["print-config"]), resolver, settings.overrides));
    return 0;
  }

  const stdin = fromStdin ? { path: (values["stdin-filename"] as string | undefined) ?? STDIN_NAME, text: readStdin() } : undefined;
  let files = stdin ? [stdin.path] : await lintedFiles(positionals, values, io);
  if (values.shard) files = shard(files, String(values.shard));
  const tCollect = performance.now();

  const output = values.output as string | undefined;
  const fd = output ? openOutput(output) : undefined;
  const write: Sink = fd === undefined ? io.stdout : (s) => writeSync(fd, s);
  const reporter = makeReporter(format, write, useColor(argv, process.env, io.isTTY, !!output));
  const cache = values.cache && !settings.fix && !stdin ? new ContentCache((values["cache-location"] as string | undefined) ?? ".encounter-lint-cache", pkg.version) : undefined;
  const progress = new Progress(files.length, io);
  let errors = 0;
  let warnings = 0;
  const accept = (r: FileReport) => {
    if (values.quiet) r.findings = r.findings.filter((f) => f.severity === "error");
    errors += r.findings.filter((f) => f.severity === "error").length;
    warnings += r.findings.filter((f) => f.severity === "warning").length;
    reporter.file(r);
    progress.tick();
  };
  // The cache key covers the configuration text too, so changing a severity re-lints.
  // The configured NCCI edit files count by size and time, so a new quarter's file re-lints.
  const stamps = new Map<string, string>();
  const stampOf = (config: string | null) => {
    if (!config) return "";
    if (!stamps.has(config)) stamps.set(config, editFilesStamp(loadConfig(config)));
    return stamps.get(config)!;
  };
  const keyOf = (path: string, text: string) => {
    const config = resolver.configFor(path);
    return `${config ?? ""}\0${stampOf(config)}\0${JSON.stringify(settings.overrides)}\0${text}`;
  };
  const inOrder = new Map<number, FileReport>();
  let next = 0;
  const flush = () => {
    while (inOrder.has(next)) {
      accept(inOrder.get(next)!);
      inOrder.delete(next++);
    }
  };
  const pending: { path: string; i: number; key?: string }[] = [];
  files.forEach((path, i) => {
    const key = cache ? keyOf(path, readText(path)) : undefined;
    const hit = key !== undefined ? cache!.get(path, key) : undefined;
    if (hit) inOrder.set(i, hit);
    else pending.push({ path, i, key });
  });
  flush();
  const keys = new Map(pending.map((f) => [f.i, f.key]));
  const store = (i: number, path: string, r: FileReport) => {
    const key = keys.get(i);
    if (key !== undefined) cache!.set(path, key, r);
    inOrder.set(i, r);
    flush();
  };
  if (jobs <= 1 || pending.length <= 1) {
    for (const f of pending) store(f.i, f.path, lintFile(f.path, settings, resolver, stdin?.text));
  } else {
    // Edit files are loaded here once and shared with the workers (not loaded per worker).
    const ncci = resolver.preloadEdits(pending.map((f) => f.path));
    await inWorkers(pending, Math.min(jobs, pending.length), { ...settings, ncci }, store);
  }
  const tLint = performance.now();
  reporter.end();
  progress.done();
  cache?.save();
  if (fd !== undefined) closeSync(fd);
  if (values.stats) {
    const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
    io.stderr(`encounter-lint: ${files.length} files (${pending.length} linted, ${files.length - pending.length} from cache), jobs ${jobs}\n`);
    io.stderr(`  collect files ${ms(t0, tCollect)}; read, parse, check and report ${ms(tCollect, tLint)}; finish ${ms(tLint, performance.now())}\n`);
    io.stderr(`  ${editFilesStats()}\n`);
  }
  if (errors === 0 && maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`encounter-lint: ${warnings} warning${warnings === 1 ? "" : "s"} found, more than --max-warnings ${maxWarnings} allows\n`);
    return 1;
  }
  return errors > 0 ? 1 : 0;
}

/** The paths' files (globs expanded, ignore rules applied); ignored files named outright are said. */
async function lintedFiles(paths: string[], values: Record<string, unknown>, io: Io): Promise<string[]> {
  const ignore = new IgnoreRules((values["ignore-pattern"] as string[] | undefined) ?? []);
  const { files, ignoredByName } = await expandPaths(paths.length ? paths : ["."], ignore, paths.length > 0 && !values["no-error-on-unmatched-pattern"]);
  for (const f of ignoredByName) io.stderr(`encounter-lint: ${f} is skipped: it matches an ignore pattern\n`);
  return files;
}

function wholeNumber(v: string | undefined, flag: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} needs a whole number${min ? ` of ${min} or more` : ""}, not '${v}'`);
  return n;
}

/** Shard I of N: every N-th file of the sorted list, so shards partition the files exactly. */
export function shard(files: string[], spec: string): string[] {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const i = m ? Number(m[1]) : 0;
  const n = m ? Number(m[2]) : 0;
  if (!m || n < 1 || i < 1 || i > n) throw new UsageError(`--shard expects I/N with 1 <= I <= N, not '${spec}'`);
  return [...files].sort().filter((_, k) => k % n === i - 1);
}

function openOutput(path: string): number {
  try {
    mkdirSync(dirname(path), { recursive: true });
    return openSync(path, "w");
  } catch (e) {
    throw new UsageError(`cannot write '${path}': ${(e as Error).message}`);
  }
}

function makeReporter(format: string, write: Sink, color: boolean): Reporter {
  if (format === "json") return jsonReporter(write);
  if (format === "sarif") return sarifReporter(write, pkg.version);
  if (format === "junit") return junitReporter(write);
  return stylishReporter(write, color);
}

function inWorkers(files: { path: string; i: number }[], n: number, settings: LintSettings, store: (i: number, path: string, r: FileReport) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let received = 0;
    const workers = Array.from({ length: n }, () => new Worker(join(__dirname, "lint-worker.cjs"), { workerData: settings }));
    const send = (w: Worker) => {
      if (sent < files.length) w.postMessage({ id: sent, path: files[sent++].path });
    };
    const stop = (err?: Error) => {
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    for (const w of workers) {
      w.on("message", (m: { id: number; report?: FileReport; error?: string }) => {
        if (m.error) return stop(new UsageError(m.error));
        store(files[m.id].i, files[m.id].path, m.report!);
        if (++received === files.length) return stop();
        send(w);
      });
      w.on("error", (e) => stop(new UsageError(`internal error in a worker: ${e.message}`)));
      send(w);
    }
  });
}

// The default command: lint files and folders (CLI.md), for a pull request's samples or an
// audit export of a million encounters: worker threads, shards, a content cache, streaming reports.
import { writeSync, openSync, closeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import pkg from "../../../package.json";
import type { Severity } from "../../../server/src/engine/rules.js";
import { ContentCache } from "../cache.js";
import { loadConfig, parseRuleOverride } from "../config.js";
import { editFilesStamp, editFilesStats, startRun } from "../edit-files.js";
import { collectFiles, UsageError } from "../files.js";
import { jsonReporter } from "../formatters/json.js";
import { junitReporter } from "../formatters/junit.js";
import type { Reporter, Sink } from "../formatters/reporter.js";
import { sarifReporter } from "../formatters/sarif.js";
import { stylishReporter } from "../formatters/stylish.js";
import { parseOptions, readText, type Io } from "../io.js";
import { lintFile, OptionsResolver, type LintSettings } from "../lint-file.js";
import { Progress } from "../progress.js";
import type { FileReport } from "../report.js";

export const LINT_USAGE = `Usage: encounter-lint [options] [paths...]

Lints .encounter files (folders are searched for *.encounter; default ".").

Options:
  --format stylish|json|sarif|junit   report format (default stylish)
  --fix                               apply every determinate fix in place; report what is left
  --quiet                             errors only
  --max-warnings N                    exit 1 when warnings exceed N
  -o, --output FILE                   write the report to FILE
  --config FILE                       use this configuration (default: the nearest
                                      encounter-lint.config.json above each file)
  --rule ID=SEVERITY                  override a rule: off, info, warning or error (repeatable)
  --jobs N                            worker threads (default: the number of cores)
  --shard I/N                         lint only shard I of N (files split deterministically)
  --cache                             skip files whose content, configuration and tool version
                                      are unchanged since the last run
  --cache-location DIR                where the cache lives (default .encounter-lint-cache)
  --stats                             print the time of each phase on stderr
  -h, --help                          show this help

Other commands:
  encounter-lint explain FILE [--format text|markdown|html]   per encounter: timeline, derived
                                lines and why, findings with denials and suggested wording
  encounter-lint key DIR [--format markdown|html|json]        answer key of a folder of exercises
  encounter-lint grade --key KEY.json DIR                      score students' files against a key
`;

const FORMATS = ["stylish", "json", "sarif", "junit"];

export async function lintCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    format: { type: "string", default: "stylish" },
    fix: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    "max-warnings": { type: "string" },
    output: { type: "string", short: "o" },
    config: { type: "string" },
    rule: { type: "string", multiple: true },
    jobs: { type: "string" },
    shard: { type: "string" },
    cache: { type: "boolean", default: false },
    "cache-location": { type: "string" },
    stats: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  });
  if (values.help) {
    io.stdout(LINT_USAGE);
    return 0;
  }
  const t0 = performance.now();
  startRun();
  const format = String(values.format);
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${format}': use ${FORMATS.join(", ")}`);
  const maxWarnings = wholeNumber(values["max-warnings"] as string | undefined, "--max-warnings", 0);
  const jobs = wholeNumber(values.jobs as string | undefined, "--jobs", 1) ?? availableParallelism();
  const settings: LintSettings = {
    fix: !!values.fix,
    configFile: values.config as string | undefined,
    overrides: Object.fromEntries(((values.rule as string[] | undefined) ?? []).map(parseRuleOverride)) as Record<string, Severity | "off">,
  };
  if (settings.configFile) readText(settings.configFile);
  const resolver = new OptionsResolver(settings);

  let files = collectFiles(positionals.length ? positionals : ["."]);
  if (values.shard) files = shard(files, String(values.shard));
  const tCollect = performance.now();

  const output = values.output as string | undefined;
  const fd = output ? openOutput(output) : undefined;
  const write: Sink = fd === undefined ? io.stdout : (s) => writeSync(fd, s);
  const reporter = makeReporter(format, write, io.isTTY && !output && !process.env.NO_COLOR);
  const cache = values.cache && !settings.fix ? new ContentCache((values["cache-location"] as string | undefined) ?? ".encounter-lint-cache", pkg.version) : undefined;
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
    for (const f of pending) store(f.i, f.path, lintFile(f.path, settings, resolver));
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
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
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

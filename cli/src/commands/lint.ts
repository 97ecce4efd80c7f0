// The default command: lint files and folders (CLI.md), for a pull request's samples or an
// audit export of a million encounters: worker threads, shards, a content cache, streaming reports.
import { realpathSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import pkg from "../../../package.json";
import type { Severity } from "../../../server/src/engine/rules.js";
import { checkCacheLocation, ContentCache } from "../cache.js";
import { configFingerprint, parseRuleOverride } from "../config.js";
import { editFilesStats, startRun } from "../edit-files.js";
import { collectFiles, UsageError } from "../files.js";
import { FORMATS } from "../formatters/index.js";
import { ReportWriter, type Sink } from "../formatters/reporter.js";
import { DEFAULT_MAX_FILE_BYTES, parseOptions, parseSize, readLintable, readText, type Io } from "../io.js";
import { FileLinter, type Linted, type LintSettings, type OptionsResolver } from "../lint-file.js";
import { Progress } from "../progress.js";
import { idleCores, lintInThreads, threadsFor, type Task } from "../workers/pool.js";
import { AtomicFile } from "../safe-write.js";

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
  --jobs N                            threads (default: one per idle core, one for a small
                                      input; at most the number of cores)
  --shard I/N                         lint only shard I of N (files split deterministically)
  --cache                             skip files whose content, configuration and tool version
                                      are unchanged since the last run
  --cache-location DIR                where the cache lives (default .encounter-lint-cache)
  --max-file-size SIZE                larger files are not read but reported (file-too-large);
                                      bytes, or with k or M (default 10M)
  --stats                             print the time of each phase, and the files skipped
                                      (not regular files, links out of the folders), on stderr
  -h, --help                          show this help

Other commands:
  encounter-lint explain FILE [--format text|markdown|html]   per encounter: timeline, derived
                                lines and why, findings with denials and suggested wording
  encounter-lint key DIR [--format markdown|html|json]        answer key of a folder of exercises
  encounter-lint grade --key KEY.json DIR                      score students' files against a key
`;

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
    "max-file-size": { type: "string" },
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
  // More threads than cores only costs memory and time (--jobs 1000 took 13 GB).
  const asked = wholeNumber(values.jobs as string | undefined, "--jobs", 1);
  const jobs = asked === undefined ? undefined : Math.min(asked, availableParallelism());
  const maxFile = values["max-file-size"] as string | undefined;
  const settings: LintSettings = {
    fix: !!values.fix,
    configFile: values.config as string | undefined,
    overrides: Object.fromEntries(((values.rule as string[] | undefined) ?? []).map(parseRuleOverride)) as Record<string, Severity | "off">,
    maxFileBytes: maxFile === undefined ? undefined : parseSize(maxFile, "--max-file-size"),
    format,
    color: io.isTTY && !values.output && !process.env.NO_COLOR,
    quiet: !!values.quiet,
    keepReports: !!values.cache && !values.fix,
  };
  if (settings.configFile) readText(settings.configFile);
  const linter = new FileLinter(settings);
  const resolver = linter.resolver;

  const collected = collectFiles(positionals.length ? positionals : ["."]);
  let files = collected.files;
  if (values.shard) files = shard(files, String(values.shard));
  const output = values.output as string | undefined;
  if (output) refuseInputAsOutput(output, files);
  // Everything that can stop the run with exit 2 is checked before the first byte of the report.
  for (const path of files) resolver.optionsFor(path);
  settings.loaded = resolver.loaded;
  const cacheDir = (values["cache-location"] as string | undefined) ?? ".encounter-lint-cache";
  const useCache = !!values.cache && !settings.fix;
  if (useCache) checkCacheLocation(cacheDir);
  const tCollect = performance.now();

  const target = output ? new AtomicFile(output) : undefined;
  try {
    const stats = await lintAll(files, settings, linter, {
      io, jobs,
      write: target ? (s) => target.write(s) : io.stdout,
      cache: useCache ? new ContentCache(cacheDir, pkg.version) : undefined,
    });
    target?.commit();
    if (values.stats) {
      const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
      io.stderr(`encounter-lint: ${files.length} files (${stats.linted} linted, ${files.length - stats.linted} from cache), jobs ${stats.threads}\n`);
      io.stderr(`  collect files ${ms(t0, tCollect)}; read, parse, check and report ${ms(tCollect, stats.tLint)}; finish ${ms(stats.tLint, performance.now())}\n`);
      io.stderr(`  ${editFilesStats()}\n`);
      for (const s of collected.skipped) io.stderr(`  skipped ${s.path}: ${s.reason}\n`);
    }
    return stats.errors > 0 || (maxWarnings !== undefined && stats.warnings > maxWarnings) ? 1 : 0;
  } catch (e) {
    target?.abort();
    throw e;
  }
}

interface RunOptions {
  io: Io;
  /** --jobs, when given. */
  jobs?: number;
  write: Sink;
  cache?: ContentCache;
}

/** Lint every file (from the cache, on this thread or in workers) and stream the report in order. */
async function lintAll(files: string[], settings: LintSettings, linter: FileLinter, o: RunOptions) {
  const { cache, io } = o;
  const resolver = linter.resolver;
  if (cache?.warning) io.stderr(`encounter-lint: warning: ${cache.warning}\n`);
  const writer = new ReportWriter(linter.format, o.write);
  const progress = new Progress(files.length, io);
  // Files finish in any order on several threads; the report keeps the order of the file list.
  const inOrder = new Map<number, Linted>();
  let next = 0;
  const flush = () => {
    for (let r = inOrder.get(next); r; r = inOrder.get(next)) {
      writer.add(r.fragment, r.counts);
      progress.tick();
      inOrder.delete(next++);
    }
  };
  const keyOf = cache && cacheKeys(settings, resolver);
  const pending: (Task & { key?: string })[] = [];
  files.forEach((path, i) => {
    const key = keyOf?.(path);
    const hit = key !== undefined ? cache!.get(path, key) : undefined;
    if (hit) inOrder.set(i, linter.finish(hit));
    else pending.push({ path, i, key });
  });
  flush();
  const done = (t: Task & { key?: string }, r: Linted) => {
    if (r.notice) io.stderr(`encounter-lint: ${r.notice}\n`);
    if (t.key !== undefined) cache!.set(t.path, t.key, r.report!);
    inOrder.set(t.i, r);
    flush();
  };
  const threads = threadsFor(pending.map((t) => t.path), o.jobs, idleCores());
  if (threads <= 1) for (const t of pending) done(t, linter.lint(t.path));
  else {
    // Edit files are loaded here once and shared with the workers (not loaded per worker).
    const ncci = resolver.preloadEdits(pending.map((t) => t.path));
    await lintInThreads(pending, threads, { ...settings, ncci }, linter, done);
  }
  const tLint = performance.now();
  writer.end();
  progress.done();
  cache?.save();
  const { errors, warnings } = writer.totals;
  return { errors, warnings, linted: pending.length, threads, tLint };
}

/**
 * The cache key of a file: everything that can change its report. The config's fingerprint
 * covers its text and every file it names; overrides and the size limit are options that change
 * findings (--quiet and --format only filter or render, and --fix runs without the cache).
 */
function cacheKeys(settings: LintSettings, resolver: OptionsResolver) {
  const fingerprints = new Map<string, string>();
  const options = JSON.stringify([settings.overrides, settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES]);
  return (path: string) => {
    const config = resolver.configFor(path);
    let fp = fingerprints.get(config ?? "");
    if (fp === undefined) fingerprints.set(config ?? "", (fp = configFingerprint(config)));
    const read = readLintable(path, settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    return `${fp}\0${options}\0${read.text ?? `too large: ${read.size}`}`;
  };
}

/** `-o a.encounter .` would replace a chart with the report: refuse before anything is written. */
function refuseInputAsOutput(output: string, files: string[]) {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const out = real(output);
  const hit = files.find((f) => real(f) === out);
  if (hit) throw new UsageError(`-o '${output}' is one of the files being linted ('${hit}'); write the report elsewhere`);
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

// Linting many files on several threads: the main thread lints too, and `threads - 1` workers
// take files from the same queue. Workers get a path and send back the file's finished report
// text (a string crosses threads cheaply; a report object would be copied field by field).
import { statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { UsageError } from "../files.js";
import type { FileLinter, Linted, LintSettings } from "../lint-file.js";

/**
 * Bytes of encounter text a thread must have to lint before another one pays for itself. A worker
 * starts in 0.1 s, but its code runs unoptimised at first and V8's own threads (garbage
 * collection, compiling) keep about a third of a second core busy beside each thread: on two
 * cores a second thread was no faster at 3.7 MB (20,000 encounters) and 1.1 to 1.5 times faster
 * at 18.8 MB (docs/benchmarks.md).
 */
export const BYTES_PER_THREAD = 8_000_000;

/**
 * Threads for a run: --jobs N as given (at most one per file); by default one per idle core, but
 * no more than the input keeps busy, so a small input stays in one thread.
 */
export function threadsFor(paths: readonly string[], jobs: number | undefined, cores: number): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, paths.length));
  let bytes = 0;
  let threads = 1;
  for (const p of paths) {
    try {
      bytes += statSync(p).size;
    } catch {
      // Unreadable: its error is reported when it is linted.
    }
    threads = Math.min(cores, paths.length, 1 + Math.floor(bytes / BYTES_PER_THREAD));
    if (threads >= cores) break;
  }
  return Math.max(1, threads);
}

const IN_FLIGHT = 2;

/**
 * Cores not already busy with other work (the one-minute load average; 0 where the system does not
 * report it): on a shared CI runner a second thread would only compete for a core that is not free.
 */
export function idleCores(): number {
  return Math.max(1, availableParallelism() - Math.round(loadavg()[0]));
}

export interface Task {
  path: string;
  /** Place of the file in the report. */
  i: number;
}

/** Lints `tasks` on `threads` threads; `done` gets each file as it finishes (in any order). */
export function lintInThreads(tasks: Task[], threads: number, settings: LintSettings, here: FileLinter, done: (t: Task, r: Linted) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let finished = 0;
    let failed = false;
    const workers: Worker[] = [];
    const stop = (err?: Error) => {
      if (failed) return;
      if (err) failed = true;
      if (err || finished === tasks.length) {
        for (const w of workers) void w.terminate();
        if (err) reject(err);
        else resolve();
      }
    };
    const complete = (t: Task, r: Linted) => {
      finished++;
      done(t, r);
      stop();
    };
    for (let k = 1; k < threads; k++) {
      const w = new Worker(join(__dirname, "lint-worker.cjs"), { workerData: settings });
      // Two files in flight: the next one is already queued when the worker finishes one, so it
      // never waits for the main thread (busy with a file of its own) to hand it work.
      const inFlight: Task[] = [];
      const feed = () => {
        while (inFlight.length < IN_FLIGHT && next < tasks.length) {
          const t = tasks[next++];
          inFlight.push(t);
          w.postMessage(t.path);
        }
      };
      // Its first message (null) says it is ready: no file waits on a worker still starting.
      w.on("message", (m: Linted | { error: string } | null) => {
        if (m && "error" in m) return stop(new UsageError(m.error));
        if (m) complete(inFlight.shift()!, m);
        feed();
      });
      w.on("error", (e) => stop(new UsageError(`internal error in a worker: ${e.message}`)));
      workers.push(w);
    }
    // The main thread takes a file, then lets the workers' messages in, until the queue is empty.
    const lintHere = () => {
      if (failed) return;
      if (next >= tasks.length) return stop();
      const t = tasks[next++];
      try {
        complete(t, here.lint(t.path));
      } catch (e) {
        return stop(e instanceof Error ? e : new Error(String(e)));
      }
      setImmediate(lintHere);
    };
    setImmediate(lintHere);
  });
}

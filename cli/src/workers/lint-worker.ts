// A worker thread of `--jobs N`: lints the files the main thread sends (a path each) and sends
// back each file's finished report text and totals.
import { parentPort, workerData } from "node:worker_threads";
import { UsageError } from "../files.js";
import { FileLinter, type LintSettings } from "../lint-file.js";

const linter = new FileLinter(workerData as LintSettings);

parentPort!.on("message", (path: string) => {
  try {
    parentPort!.postMessage(linter.lint(path));
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}` });
  }
});
parentPort!.postMessage(null);

// A worker thread of `--jobs N`: lints the files the main thread sends, one message each. The
// configurations and their tables come parsed in workerData, so none is read once per worker.
import { parentPort, workerData } from "node:worker_threads";
import { UsageError } from "../files.js";
import { lintFile, OptionsResolver, type LintSettings } from "../lint-file.js";

const settings = workerData as LintSettings;
const resolver = new OptionsResolver(settings);

parentPort!.on("message", (msg: { id: number; path: string }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ...lintFile(msg.path, settings, resolver) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof UsageError ? e.message : `internal error: ${(e as Error).message}` });
  }
});

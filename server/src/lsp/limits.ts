// Keeping the server responsive: large documents are analysed in slices of a few milliseconds
// with the event loop free in between (hover, completion, cancellation and other documents are
// answered meanwhile), and a document beyond the size limit is not analysed at all.
import { setImmediate as nextTurn } from "node:timers/promises";
import { makeFinding, type Finding } from "../engine/finding.js";

/** Beyond this (in characters, about 2 MB) a document gets one file-too-large diagnostic. */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;
/** From this size on, analysis runs in slices; smaller documents are analysed in one go. */
export const SLICED_FROM_CHARS = 64 * 1024;
const SLICE_MS = 15;
/**
 * A document opened with more encounters than this shows its top first: the diagnostics of its
 * first encounters (what the editor shows on opening) are published as soon as they are
 * analysed, the complete list when the whole document is (LSP: both carry the document's version).
 */
export const TOP_ENCOUNTERS = 50;

/**
 * Run `steps` to the end in slices, yielding to the event loop between slices, and give their
 * result. Stops early (undefined) as soon as `stale()` says the result is no longer wanted.
 */
export async function runInSlices<R>(steps: Generator<void, R>, stale: () => boolean): Promise<{ value: R } | undefined> {
  for (;;) {
    const until = performance.now() + SLICE_MS;
    for (;;) {
      const step = steps.next();
      if (step.done) return { value: step.value };
      if (performance.now() >= until) break;
    }
    await nextTurn();
    if (stale()) {
      steps.return(undefined as never);
      return undefined;
    }
  }
}

/**
 * Lets a message already received behind a request (an edit) be handled before the request's
 * work begins. vscode-jsonrpc's reader hands the connection one message per turn of the event
 * loop and the connection handles one per turn: the message right behind is handled on the
 * second turn (one turn was not enough, measured); a third leaves room for a second message.
 */
export async function afterPendingMessages(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await nextTurn();
}

export function tooLargeFinding(chars: number): Finding {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return makeFinding(
    "file-too-large",
    { start: 0, end: 0 },
    `This document is ${mb(chars)} MB, over the editor's ${mb(MAX_DOCUMENT_CHARS)} MB limit: its encounters are not checked here. Split the file, or check it with encounter-lint on the command line (--max-file-size).`,
    null,
  );
}

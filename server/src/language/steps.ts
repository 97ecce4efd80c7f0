// Work done in steps: a generator that yields between pieces of work (a statement, an encounter,
// a segment), so the language server can answer other messages in between (lsp/limits.ts,
// runInSlices). Everywhere else the steps are run in one go.

/** Runs `steps` to their end and gives their result. */
export function runToEnd<R>(steps: Generator<void, R>): R {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Each item made into its result, one step per item (an encounter's outline entry or lens). */
export function* mapSteps<T, R>(items: Iterable<T>, make: (item: T) => R): Generator<void, R[]> {
  const out: R[] = [];
  for (const item of items) {
    out.push(make(item));
    yield;
  }
  return out;
}

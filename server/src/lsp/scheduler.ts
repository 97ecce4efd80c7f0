// Debounce per document: a newer version replaces the pending run of an older one, so only the
// latest text is analysed. Delay 0 still yields to the event loop, letting a burst coalesce.
export class Scheduler {
  private timers = new Map<string, NodeJS.Timeout>();

  schedule(uri: string, delay: number, run: () => void): void {
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      run();
    }, Math.max(0, delay)));
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }
}

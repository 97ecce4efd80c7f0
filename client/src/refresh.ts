// A page that follows the typing (the preview): refreshed once the edits pause, never twice at
// once for one document, and once more after a refresh if edits came while it was being made.
// Without this, each keystroke asked the server for a whole page of its own, and on a large file
// those requests queued up behind one another.
export class FollowTyping {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents being refreshed, each with whether it was edited since its refresh started. */
  private readonly running = new Map<string, boolean>();

  /** `refresh` handles its own failures (a failed refresh leaves the page as it was). */
  constructor(private readonly refresh: (key: string) => Promise<void>, private readonly pauseMs: number) {}

  /** An edit: refresh once the edits have paused for `pauseMs`. */
  edited(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.now(key);
    }, this.pauseMs));
  }

  /** Refresh now, or right after the refresh under way. */
  async now(key: string): Promise<void> {
    if (this.running.has(key)) {
      this.running.set(key, true);
      return;
    }
    this.running.set(key, false);
    try {
      await this.refresh(key);
    } finally {
      const again = this.running.get(key);
      this.running.delete(key);
      if (again) await this.now(key);
    }
  }

  /** The page was closed: no refresh is pending for it. */
  forget(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }
}

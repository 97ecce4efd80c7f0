// A progress line on stderr, only on a terminal and only once a run has taken more than a second.
import type { Io } from "./io.js";

export class Progress {
  private done_ = 0;
  private readonly start = performance.now();
  private last = 0;
  private shown = false;

  constructor(private readonly total: number, private readonly io: Io) {}

  tick() {
    this.done_++;
    if (!this.io.isTTY || !process.stderr.isTTY) return;
    const now = performance.now();
    if (now - this.start < 1000 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const filled = Math.round((this.done_ / this.total) * width);
    this.io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${this.done_}/${this.total} files`);
  }

  done() {
    if (this.shown) this.io.stderr("\r\x1b[K");
  }
}

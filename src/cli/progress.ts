/** A one-line progress bar on a terminal: done/total, rate, time left and failures, redrawn at most 10 times a second. */
export class ProgressBar {
  #done = 0;
  #failed = 0;
  #lastDraw = 0;
  readonly #started = Date.now();

  constructor(
    readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** Counts one finished case. */
  tick(failed: boolean): void {
    this.#done++;
    if (failed) this.#failed++;
    const now = Date.now();
    if (now - this.#lastDraw >= 100 || this.#done === this.total) {
      this.#lastDraw = now;
      this.draw();
    }
  }

  /** Prints a line above the bar (a failure, say) without garbling it. */
  print(text: string): void {
    this.clear();
    this.stream.write(text.endsWith('\n') ? text : `${text}\n`);
    this.draw();
  }

  /** Removes the bar, for the summary to take its place. */
  clear(): void {
    this.stream.write('\r\x1b[2K');
  }

  private draw(): void {
    const width = 24;
    const fraction = this.total === 0 ? 1 : this.#done / this.total;
    const filled = Math.round(fraction * width);
    const seconds = Math.max((Date.now() - this.#started) / 1000, 0.001);
    const rate = this.#done / seconds;
    const left = this.#done >= this.total ? 0 : rate > 0 ? Math.ceil((this.total - this.#done) / rate) : undefined;
    const parts = [
      `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`,
      `${this.#done}/${this.total}`,
      `${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)}/s`,
      left === undefined ? 'ETA --' : `ETA ${formatSeconds(left)}`,
      this.#failed > 0 ? `${this.#failed} failed` : '',
    ];
    this.stream.write(`\r\x1b[2K${parts.filter(Boolean).join('  ')}`);
  }
}

function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

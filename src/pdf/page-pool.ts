/** The little a pooled page must offer; puppeteer's Page fits, and so does a test fake. */
export interface PoolablePage {
  close(): Promise<void>;
  isClosed(): boolean;
}

/** Where pages come from: one browser session. Pages never outlive or cross sessions. */
export interface PageSource<P> {
  readonly alive: boolean;
  newPage(): Promise<P>;
}

/**
 * A bounded pool of pages. At most `size` reports render at once (each in its own page); pages
 * that finished cleanly are reused, since creating and locking down a page costs more than
 * printing a short report. Idle pages are kept per session so a relaunch simply strands the old ones.
 */
export class PagePool<P extends PoolablePage> {
  readonly size: number;
  readonly #prepare: (page: P) => Promise<void>;
  readonly #idle = new WeakMap<PageSource<P>, P[]>();
  readonly #waiting: Array<() => void> = [];
  #busy = 0;

  constructor(size: number, prepare: (page: P) => Promise<void>) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Pool size must be a positive integer, got ${size}`);
    this.size = size;
    this.#prepare = prepare;
  }

  /** Runs `work` once one of the `size` slots is free; the wait is not part of any render deadline. */
  async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.#busy >= this.size) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#busy++;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next waiter, so a newcomer cannot overtake the queue.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#busy--;
    }
  }

  /** An idle page of this session, or a new, prepared one. */
  async take(source: PageSource<P>): Promise<P> {
    const idle = this.#idle.get(source) ?? [];
    for (let page = idle.pop(); page; page = idle.pop()) {
      if (!page.isClosed()) return page;
    }
    const page = await source.newPage();
    try {
      await this.#prepare(page);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    return page;
  }

  /** Returns a page after use; anything that failed is closed rather than trusted again. */
  async put(source: PageSource<P>, page: P, healthy: boolean): Promise<void> {
    if (healthy && source.alive && !page.isClosed()) {
      const idle = this.#idle.get(source) ?? [];
      idle.push(page);
      this.#idle.set(source, idle);
      return;
    }
    await page.close().catch(() => undefined);
  }
}

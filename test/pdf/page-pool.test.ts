import { describe, expect, it } from 'vitest';
import { PagePool, type PageSource, type PoolablePage } from '../../src/pdf/page-pool.js';

class FakePage implements PoolablePage {
  closed = false;
  constructor(readonly id: number) {}
  async close(): Promise<void> {
    this.closed = true;
  }
  isClosed(): boolean {
    return this.closed;
  }
}

function fakeSource(): PageSource<FakePage> & { created: number; alive: boolean } {
  return {
    created: 0,
    alive: true,
    async newPage() {
      this.created++;
      return new FakePage(this.created);
    },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('PagePool', () => {
  it('never runs more than `size` jobs at once and serves waiters in order', async () => {
    const pool = new PagePool<FakePage>(2, async () => undefined);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const job = (n: number) =>
      pool.withSlot(async () => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        order.push(n);
        running--;
      });
    await Promise.all([1, 2, 3, 4, 5].map(job));
    expect(peak).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it('reuses healthy pages, closes failed ones, and prepares each new page once', async () => {
    let prepared = 0;
    const pool = new PagePool<FakePage>(2, async () => {
      prepared++;
    });
    const source = fakeSource();
    const first = await pool.take(source);
    await pool.put(source, first, true);
    expect(await pool.take(source)).toBe(first);
    await pool.put(source, first, false);
    expect(first.closed).toBe(true);
    const second = await pool.take(source);
    expect(second).not.toBe(first);
    expect(prepared).toBe(2);
  });

  it('keeps no pages of a dead session and closes a page whose preparation failed', async () => {
    const source = fakeSource();
    const pool = new PagePool<FakePage>(1, async () => undefined);
    const page = await pool.take(source);
    source.alive = false;
    await pool.put(source, page, true);
    expect(page.closed).toBe(true);

    const failing = new PagePool<FakePage>(1, async () => {
      throw new Error('no interception');
    });
    await expect(failing.take(fakeSource())).rejects.toThrow('no interception');
  });

  it('rejects a nonsensical size', () => {
    expect(() => new PagePool<FakePage>(0, async () => undefined)).toThrow(RangeError);
  });
});

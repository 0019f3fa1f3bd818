import { describe, expect, it } from 'vitest';
import { SharedQueue } from '../../src/batch/shared-queue.js';

describe('SharedQueue', () => {
  it('hands out every index once, in chunks, across views of one buffer', () => {
    const a = new SharedQueue(20);
    const b = new SharedQueue(20, a.buffer); // what another thread sees
    const taken: number[] = [];
    for (let chunk = a.claim(), turn = 0; chunk; chunk = (turn++ % 2 ? a : b).claim()) {
      for (let i = chunk[0]; i < chunk[1]; i++) taken.push(i);
    }
    expect(taken).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(a.claim()).toBeUndefined();
    expect(b.claimed).toBe(20);
  });

  it('hands out nothing more once stopped, in any view', () => {
    const a = new SharedQueue(100);
    const b = new SharedQueue(100, a.buffer);
    expect(a.claim()).toEqual([0, SharedQueue.CHUNK]);
    b.stop();
    expect(a.stopped).toBe(true);
    expect(a.claim()).toBeUndefined();
    expect(a.claimed).toBe(SharedQueue.CHUNK);
  });
});

/**
 * A queue of case indexes shared by the threads of one batch: a counter in shared memory that each
 * thread advances by a chunk at a time, and a stop flag. No thread waits for another to hand out work.
 */
export class SharedQueue {
  /** Cases claimed at a time: few enough to balance the threads, enough to keep claims rare. */
  static readonly CHUNK = 8;
  private static readonly NEXT = 0;
  private static readonly STOP = 1;
  private readonly control: Int32Array;

  constructor(
    readonly length: number,
    buffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT),
  ) {
    this.control = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.control.buffer as SharedArrayBuffer;
  }

  /** The next chunk's [start, end), or undefined when the queue is empty or stopped. */
  claim(): [number, number] | undefined {
    if (this.stopped) return undefined;
    const start = Atomics.add(this.control, SharedQueue.NEXT, SharedQueue.CHUNK);
    return start < this.length ? [start, Math.min(start + SharedQueue.CHUNK, this.length)] : undefined;
  }

  stop(): void {
    Atomics.store(this.control, SharedQueue.STOP, 1);
  }

  get stopped(): boolean {
    return Atomics.load(this.control, SharedQueue.STOP) === 1;
  }

  /** How many cases some thread has taken. */
  get claimed(): number {
    return Math.min(Atomics.load(this.control, SharedQueue.NEXT), this.length);
  }
}

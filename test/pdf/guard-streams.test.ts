import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { guardStreams } from '../../src/pdf/browser-session.js';

describe('guardStreams', () => {
  it('keeps an error on any stream of a dead Chromium from ending the process', () => {
    // stdin, stdout, stderr, and the two ends of the pipe puppeteer talks over (fds 3 and 4).
    const stdio = [new EventEmitter(), new EventEmitter(), null, new EventEmitter(), new EventEmitter()];
    const child = Object.assign(new EventEmitter(), { stdio }) as unknown as ChildProcess;
    // Without a listener, emit('error') throws: that is the crash seen when Chromium was killed mid-batch.
    expect(() => stdio[4]?.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toThrow('EPIPE');
    guardStreams(child);
    for (const stream of stdio)
      expect(() => stream?.emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).not.toThrow();
    expect(() => child.emit('error', new Error('kill ESRCH'))).not.toThrow();
  });
});

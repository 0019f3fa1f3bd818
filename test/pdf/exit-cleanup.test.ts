import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { registerExitCleanup, type ExitCleanupHost } from '../../src/pdf/exit-cleanup.js';

function fakeHost(): ExitCleanupHost & { emitter: EventEmitter; raised: string[] } {
  const emitter = new EventEmitter();
  const raised: string[] = [];
  return {
    emitter,
    raised,
    pid: 4242,
    on: (event, listener) => emitter.on(event, listener),
    off: (event, listener) => emitter.off(event, listener),
    listenerCount: (event) => emitter.listenerCount(event),
    kill: (_pid, signal) => raised.push(signal),
  };
}

describe('registerExitCleanup', () => {
  it('kills the browser on exit, once', () => {
    const host = fakeHost();
    let kills = 0;
    registerExitCleanup({ killSync: () => kills++ }, host);
    host.emitter.emit('exit', 0);
    host.emitter.emit('exit', 0);
    expect(kills).toBe(1);
  });

  it('kills on Ctrl-C and re-raises the signal when nobody else handles it', () => {
    const host = fakeHost();
    let kills = 0;
    registerExitCleanup({ killSync: () => kills++ }, host);
    host.emitter.emit('SIGINT', 'SIGINT');
    expect(kills).toBe(1);
    expect(host.raised).toEqual(['SIGINT']);
    expect(host.emitter.listenerCount('SIGTERM')).toBe(0);
  });

  it('leaves the decision to the CLI when it has its own handler', () => {
    const host = fakeHost();
    host.emitter.on('SIGTERM', () => undefined);
    let kills = 0;
    registerExitCleanup({ killSync: () => kills++ }, host);
    host.emitter.emit('SIGTERM', 'SIGTERM');
    expect(kills).toBe(1);
    expect(host.raised).toEqual([]);
  });

  it('can be unregistered', () => {
    const host = fakeHost();
    let kills = 0;
    const unregister = registerExitCleanup({ killSync: () => kills++ }, host);
    unregister();
    host.emitter.emit('exit', 0);
    expect(kills).toBe(0);
  });
});

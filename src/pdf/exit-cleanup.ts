/** Anything that can be torn down synchronously, such as a PdfPrinter. */
export interface KillableSync {
  killSync(): void;
}

/** The slice of `process` the helper uses, injectable for tests. */
export interface ExitCleanupHost {
  pid: number;
  on(event: 'exit' | NodeJS.Signals, listener: (...args: unknown[]) => void): unknown;
  off(event: 'exit' | NodeJS.Signals, listener: (...args: unknown[]) => void): unknown;
  listenerCount(event: NodeJS.Signals): number;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Kills the browser when the process ends, including on Ctrl-C, so no Chromium (and no temporary
 * profile) outlives the CLI. Returns a function that unregisters the handlers again.
 *
 * With `signals: false` only the exit is watched: for a caller that handles Ctrl-C itself (to let
 * reports in progress finish) and exits afterwards.
 *
 * On a signal, after cleaning up: if nobody else listens for it, the signal is re-raised so the
 * process dies the usual way (exit code 130 for Ctrl-C); if the CLI has its own handler, it decides.
 */
export function registerExitCleanup(
  target: KillableSync,
  host: ExitCleanupHost = process,
  options: { signals?: boolean } = {},
): () => void {
  const signals = options.signals === false ? [] : SIGNALS;
  let done = false;
  const cleanUp = (): void => {
    if (done) return;
    done = true;
    try {
      target.killSync();
    } catch {
      // Exiting anyway; a failed kill must not mask the real exit reason.
    }
  };
  const onSignal = (signal: unknown): void => {
    cleanUp();
    unregister();
    if (typeof signal === 'string' && host.listenerCount(signal as NodeJS.Signals) === 0) {
      host.kill(host.pid, signal as NodeJS.Signals);
    }
  };
  const unregister = (): void => {
    host.off('exit', cleanUp);
    for (const signal of signals) host.off(signal, onSignal);
  };

  host.on('exit', cleanUp);
  for (const signal of signals) host.on(signal, onSignal);
  return unregister;
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cases.js';

/** A CLI run in the background, for tests that act on it while it works (kill Chromium, press Ctrl-C). */
export interface BackgroundRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stdout contains `text`. */
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
  /** The exit code, or `signal SIGINT` (say) for a process killed by a signal: that is not an exit code. */
  exit: Promise<number | string | null>;
}

/** Starts the built CLI without waiting for it. */
export function spawnCli(args: string[], cwd = ROOT): BackgroundRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'casereport.js'), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? `signal ${signal}` : null))),
  );
  const waitFor = (text: string | RegExp, timeoutMs = 60_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (typeof text === 'string' ? out.includes(text) : text.test(out)) resolve();
      };
      listeners.push(check);
      check();
      setTimeout(() => reject(new Error(`timed out waiting for ${String(text)}; stdout: ${out}; stderr: ${err}`)), timeoutMs).unref();
    });
  return { child, stdout: () => out, stderr: () => err, waitFor, exit };
}

/** Direct children of a process (Chromium is a direct child of the CLI). */
export function childPids(pid: number): number[] {
  const run = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean).map(Number);
}

/**
 * Whether a process still runs. A zombie (dead, not yet reaped by its new parent, here the
 * container's PID 1, which may take its time) does not: it holds nothing but its process id.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/PID/stat: "pid (comm) state …"; the name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

import { watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import type { InputRef } from '../../io/expand-inputs.js';
import type { Terminal } from '../terminal.js';

export interface WatchTargets {
  /** Folders and files named on the command line. */
  inputs: string[];
  /** The template folder. */
  templateDir: string;
}

export interface WatchHandlers {
  /** Re-render these cases (a case file changed or appeared). */
  renderCases(refs: InputRef[]): Promise<void>;
  /** The template changed: recompile it and re-render everything. */
  renderAll(): Promise<void>;
}

/**
 * Watches the inputs and the template until `signal` aborts, re-rendering what changed. Changes are
 * gathered for a moment (editors save in several steps) and handled one batch at a time.
 */
export async function watchAndRender(targets: WatchTargets, handlers: WatchHandlers, term: Terminal, signal: AbortSignal): Promise<void> {
  const changedCases = new Set<string>();
  let templateChanged = false;
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const cases = [...changedCases];
      const all = templateChanged;
      changedCases.clear();
      templateChanged = false;
      running = running.then(async () => {
        if (all) {
          term.info('template changed: rendering every case again');
          await handlers.renderAll();
        } else if (cases.length > 0) {
          await handlers.renderCases(cases.map((path) => ({ kind: 'file', path })));
        }
      });
    }, 150);
  };
  const watchers: FSWatcher[] = [];
  const add = (path: string, onChange: (file: string) => void): void => {
    try {
      watchers.push(watch(path, { recursive: true }, (_event, name) => onChange(name ? resolve(path, name.toString()) : path)));
    } catch (error) {
      term.problem(`cannot watch ${path}: ${(error as Error).message}`);
    }
  };
  for (const input of targets.inputs) {
    add(input, (file) => {
      const path = file === resolve(input) || /\.ya?ml$/i.test(file) ? file : undefined;
      if (path && /\.ya?ml$/i.test(path)) {
        changedCases.add(path);
        schedule();
      }
    });
  }
  add(targets.templateDir, () => {
    templateChanged = true;
    schedule();
  });
  term.info('watching for changes (Ctrl-C to stop)');
  await new Promise<void>((done) => signal.addEventListener('abort', () => done(), { once: true }));
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
}

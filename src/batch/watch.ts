import { realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { expandInputs } from '../io/expand-inputs.js';
import { loadTemplate } from '../io/load-template.js';
import { RenderSetupError } from './errors.js';
import { startPrinter, type StartedPrinter } from './printer.js';
import type { RenderEvent } from './recorder.js';
import { renderCases, type RenderCasesOptions, type RenderHooks, type RenderSummary } from './render-cases.js';
import { newestMtime } from './up-to-date.js';

/** What `watchCases` reports besides the events of each render. */
export type WatchEvent =
  | RenderEvent
  /** The first render is done; changes are watched from now on. */
  | { type: 'watching' }
  /** A render finished: the first one, or one after a change (`changed`: the case files, or `template`). */
  | { type: 'run-finished'; summary: RenderSummary; changed?: string[] | 'template' }
  /** A render after a change could not start (a mistake in the edited template, say); watching goes on. */
  | { type: 'run-failed'; error: RenderSetupError };

/** Changes are gathered this long after the last one: editors save in several steps. */
const SETTLE_MS = 150;
/** How often the files are looked at even without an event. */
const POLL_MS = 1000;

/**
 * Renders the cases, then watches the case files and the template until the signal aborts: a case
 * file that changes is rendered again, and everything when the template changes. Changes are
 * found by comparing modification times, so any way of saving is seen: in place, by renaming a new
 * file over the old one (as vim and many editors do), or after the file was missing for a moment.
 * One browser serves every render. Returns the first render's summary.
 */
export async function watchCases(
  options: RenderCasesOptions,
  hooks: RenderHooks & { onEvent?: (event: WatchEvent) => void },
): Promise<RenderSummary> {
  const emit = (event: WatchEvent): void => hooks.onEvent?.(event);
  const { signal } = hooks;
  let own: StartedPrinter | undefined;
  if (options.formats.includes('pdf') && !options.printer) {
    own = await startPrinter({
      ...options,
      concurrency: options.concurrency ?? availableParallelism(),
      log: (message) => emit({ type: 'log', message }),
    });
  }
  const printer = options.printer ?? own?.printer;
  // One record of who wrote what, across every render: a case edited to take another's id is refused.
  const base: RenderCasesOptions = { ...options, ...(printer ? { printer } : {}), owners: options.owners ?? new Map<string, string>() };
  try {
    const templateDir = loadTemplate(options.template ?? 'care').dir;
    let seen = await snapshot(options.inputs);
    let templateTime = newestMtime(templateDir);
    const first = await renderCases(base, hooks);
    emit({ type: 'run-finished', summary: first });
    if (signal?.aborted) return first;
    let running = Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const rerender = async (): Promise<void> => {
      const now = await snapshot(options.inputs);
      const changed = [...now].filter(([path, stamp]) => seen.get(path) !== stamp).map(([path]) => path);
      seen = now;
      const time = safeNewestMtime(templateDir);
      const templateChanged = time !== templateTime;
      templateTime = time;
      if (!templateChanged && changed.length === 0) return;
      const only = templateChanged ? undefined : new Set(changed);
      try {
        const summary = await renderCases({ ...base, force: true, ...(only ? { only } : {}) }, hooks);
        emit({ type: 'run-finished', summary, changed: templateChanged ? 'template' : changed });
      } catch (error) {
        if (!(error instanceof RenderSetupError)) throw error;
        emit({ type: 'run-failed', error });
      }
    };
    let queued = false;
    // One look at a time; looks asked for meanwhile become one.
    const look = (): void => {
      if (queued) return;
      queued = true;
      running = running.then(() => {
        queued = false;
        return rerender();
      });
    };
    const onChange = (): void => {
      clearTimeout(timer);
      timer = setTimeout(look, SETTLE_MS);
    };
    const watchers = [...watchedFolders(options.inputs), [templateDir, true] as const].flatMap(([dir, recursive]) => {
      try {
        const watcher: FSWatcher = watch(dir, { recursive }, onChange);
        watcher.on('error', () => undefined); // a watched folder that goes away: the others still work
        return [watcher];
      } catch {
        return [];
      }
    });
    // Also a look every second: Node's recursive watch on Linux misses some changes in subfolders
    // (a file deleted and written again), and some file systems send no events at all.
    const poll = setInterval(look, POLL_MS);
    emit({ type: 'watching' });
    await new Promise<void>((done) => (signal?.aborted ? done() : signal?.addEventListener('abort', () => done(), { once: true })));
    clearInterval(poll);
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    await running;
    return first;
  } finally {
    await own?.dispose();
  }
}

/** Each case file of the inputs (by real path) with its size and modification time. */
async function snapshot(inputs: readonly string[]): Promise<Map<string, string>> {
  const { refs } = await expandInputs(inputs.filter((input) => input !== '-'));
  const stamps = new Map<string, string>();
  for (const ref of refs) {
    if (ref.kind !== 'file') continue;
    try {
      const stat = statSync(ref.path);
      // By real path, as renderCases' `only` compares them.
      stamps.set(realpathSync.native(ref.path), `${stat.mtimeMs}:${stat.size}:${stat.ino}`);
    } catch {
      // Gone for a moment (an editor between deleting and writing): seen again when it is back.
    }
  }
  return stamps;
}

/**
 * The folders to watch for the inputs: a folder itself (with its subfolders), a file's folder (a
 * file renamed over the old one is a new file, which a watch on the old one would not see), and
 * the fixed start of a glob pattern.
 */
function watchedFolders(inputs: readonly string[]): (readonly [string, boolean])[] {
  return inputs
    .filter((input) => input !== '-')
    .map((input) => {
      if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) return [input, true] as const;
      if (!/[*?[{]/.test(input)) return [dirname(input), false] as const;
      const fixed = input.split('/').findIndex((part) => /[*?[{]/.test(part));
      return [input.split('/').slice(0, fixed).join('/') || '.', true] as const;
    });
}

function safeNewestMtime(dir: string): number {
  try {
    return newestMtime(dir);
  } catch {
    return Number.NaN; // a template folder in the middle of a change: compared as changed
  }
}

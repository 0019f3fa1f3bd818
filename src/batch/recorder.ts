import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CaseIssue } from '../core/errors.js';
import type { InputProblem } from '../io/expand-inputs.js';
import { OutsideOutputFolderError, writeFileAtomic } from '../io/safe-write.js';
import type { CaseFailure, CaseName, CaseOutcome, RenderedOutput } from './case-job.js';

/** What a render job reports while it runs, for progress bars and logs. */
export type RenderEvent =
  /** The inputs are known: how many cases the job will look at, and the inputs that named nothing. */
  | { type: 'planned'; total: number; problems: InputProblem[] }
  | { type: 'case-done'; name: string; written: string[]; warnings?: { text: string; issues: CaseIssue[] } }
  | { type: 'case-skipped'; name: string }
  | { type: 'case-failed'; failure: CaseFailure }
  /** A render thread stopped; the cases it had taken are rendered again by the main thread. */
  | { type: 'thread-stopped'; message: string }
  /** Detail for `--verbose`: which browser, why the sandbox is off, relaunches. */
  | { type: 'log'; message: string };

/** Where standard output goes (`-o -`): process.stdout, or a test's stream. */
export interface OutputStream {
  write(chunk: string | Uint8Array, callback: (error?: Error | null) => void): boolean;
}

export interface RecorderOptions {
  onEvent?: (event: RenderEvent) => void;
  failFast?: boolean;
  /** Real paths of the job's case files: no output may replace one. */
  inputs: ReadonlySet<string>;
  /** The output folder every file output must really stay inside (not with `-o FILE`). */
  outDir?: string;
  stdout: OutputStream;
  /** Outputs written by cases of earlier runs (real path → case), kept by `watchCases`; updated. */
  owners?: Map<string, string>;
}

/**
 * Takes the cases of a job as they are done, from whichever thread rendered them: refuses an output
 * that would replace an input or another case's output, writes the outputs (each whole or not at
 * all, the report after its charts), reports each case and counts. One recorder per job, on the
 * main thread: every output file is created by one thread.
 */
export class CaseRecorder {
  rendered = 0;
  skipped = 0;
  readonly failures: CaseFailure[] = [];
  /** Set when --fail-fast met a failure, or standard output was closed by its reader. */
  stopped = false;
  /** Set when the reader of standard output closed it (`casereport render … -o - | head`). */
  stdoutClosed = false;
  /** Output file (real path) → the case that wrote it. */
  readonly #owners: Map<string, string>;

  constructor(private readonly options: RecorderOptions) {
    this.#owners = options.owners ?? new Map<string, string>();
  }

  /** Cases seen so far: rendered, skipped or failed. */
  get recorded(): number {
    return this.rendered + this.skipped + this.failures.length;
  }

  async record(outcome: CaseOutcome): Promise<void> {
    if (outcome.status === 'failed') return this.#fail(outcome.failure);
    if (outcome.status === 'skipped') {
      // Up to date, unless another case of this job wrote one of its outputs: then it is a clash.
      const keys = outcome.targets.map((target) => this.#realTarget(target));
      for (const [i, key] of keys.entries()) {
        const owner = this.#owners.get(key);
        if (owner !== undefined && owner !== outcome.source.name) {
          return this.#fail({ source: outcome.source, kind: 'conflict', message: clash(outcome.targets[i] ?? key, owner) });
        }
      }
      for (const key of keys) this.#owners.set(key, outcome.source.name);
      this.skipped++;
      this.options.onEvent?.({ type: 'case-skipped', name: outcome.source.name });
      return;
    }
    const { source, outputs, warnings } = outcome;
    const files = outputs.flatMap((output) => (output.target === '-' ? [] : [{ output, key: this.#realTarget(output.target) }]));
    for (const { output, key } of files) {
      const refusal = this.#refusal(output.target, key, source);
      if (refusal) return this.#fail({ source, kind: 'conflict', message: refusal });
    }
    for (const { key } of files) this.#owners.set(key, source.name);
    try {
      for (const output of outputs) await this.#write(output);
    } catch (error) {
      if (this.stdoutClosed) return;
      const why = error instanceof OutsideOutputFolderError ? error.message : describeWriteError(error);
      return this.#fail({ source, kind: 'write', message: `cannot write: ${why}` });
    }
    this.rendered++;
    const written = outputs.map((o) => o.target);
    this.options.onEvent?.({ type: 'case-done', name: source.name, written, ...(warnings ? { warnings } : {}) });
  }

  /** Output folders found to lie really inside the output folder. */
  readonly #foldersInside = new Set<string>();
  /** Real paths of output folders (most outputs of a job share a few), looked up once each. */
  readonly #realFolders = new Map<string, string>();

  /**
   * The file a path really names, to compare outputs with inputs and with each other: its folder's
   * real path and its name. (A link at the output itself is replaced by the rename, not written
   * through, so it cannot lead to an input.)
   */
  #realTarget(path: string): string {
    const folder = dirname(path);
    let real = this.#realFolders.get(folder);
    if (real === undefined) {
      real = realPathOrAsIs(folder);
      // A folder that does not exist yet is looked up again once it does.
      if (existsSync(folder)) this.#realFolders.set(folder, real);
    }
    return join(real, basename(path));
  }

  /** Why this case may not write `target`, if it may not. */
  #refusal(target: string, key: string, source: CaseName): string | undefined {
    if (this.options.inputs.has(key)) return `would overwrite the input file ${target}; choose another --out-dir, --name or -o`;
    const owner = this.#owners.get(key);
    if (owner !== undefined && owner !== source.name) return clash(target, owner);
    return undefined;
  }

  async #write(output: RenderedOutput): Promise<void> {
    if (output.target !== '-') {
      // Whether a folder really lies inside the output folder is asked once per folder.
      const folder = dirname(output.target);
      const check = this.options.outDir !== undefined && !this.#foldersInside.has(folder);
      writeFileAtomic(output.target, output.content, check ? { within: this.options.outDir } : {});
      if (check) this.#foldersInside.add(folder);
      return;
    }
    if (this.stdoutClosed) return;
    await new Promise<void>((done, fail) =>
      this.options.stdout.write(output.content, (error) => {
        if (!error) return done();
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
          // The reader has what it wanted (`| head`): nothing more goes there, and nothing is wrong.
          this.stdoutClosed = true;
          this.stopped = true;
        }
        fail(error);
      }),
    );
  }

  #fail(failure: CaseFailure): void {
    this.failures.push(failure);
    this.options.onEvent?.({ type: 'case-failed', failure });
    if (this.options.failFast) this.stopped = true;
  }
}

function clash(target: string, owner: string): string {
  return `would overwrite ${target}, already written for ${owner}; give each case its own id, or use --name with {name} or {dir}`;
}

/** The real path of a folder, or its absolute path while it does not exist. */
function realPathOrAsIs(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    return resolve(folder);
  }
}

function describeWriteError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'a folder is in the way',
    ENAMETOOLONG: 'the file name is too long',
    EEXIST: 'a file is in the way of a folder',
  };
  const reason = e.code !== undefined ? reasons[e.code] : undefined;
  return reason && e.path ? `${e.path}: ${reason}` : (e.message ?? String(error));
}

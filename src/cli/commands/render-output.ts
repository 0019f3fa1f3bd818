import type { CaseFailure } from '../../batch/case-job.js';
import type { RenderSummary } from '../../batch/render-cases.js';
import type { WatchEvent } from '../../batch/watch.js';
import { formatIssues } from '../format-issues.js';
import { ProgressBar } from '../progress.js';
import { jsonForTerminal, safeForTerminal as safe, type Terminal } from '../terminal.js';

/** How a render run talks: a progress bar on a terminal, plain lines otherwise, JSON for scripts. */
export class RenderReporter {
  #bar: ProgressBar | undefined;

  constructor(
    private readonly term: Terminal,
    private readonly json: boolean,
  ) {}

  /** Shows one event of the job. */
  onEvent = (event: WatchEvent): void => {
    switch (event.type) {
      case 'planned': {
        const interactive = Boolean(process.stderr.isTTY) && !this.term.options.quiet && !this.json && event.total > 1;
        this.#bar = interactive ? new ProgressBar(event.total) : undefined;
        for (const problem of event.problems)
          this.#problem(`${this.term.err.bold(safe(problem.input))}  ${this.term.err.red(safe(problem.message))}`);
        break;
      }
      case 'case-done':
        if (event.warnings && !this.json)
          this.#problem(formatIssues(event.name, event.warnings.issues, event.warnings.text, this.term.err));
        this.#bar?.tick(false);
        if (!this.#bar && !this.json)
          for (const file of event.written) if (file !== '-') this.term.info(`${this.term.out.green('wrote')} ${safe(file)}`);
        break;
      case 'case-skipped':
        this.#bar?.tick(false);
        break;
      case 'case-failed':
        this.#problem(describeFailure(event.failure, this.term));
        this.#bar?.tick(true);
        break;
      case 'thread-stopped':
        this.#problem(`a render thread stopped (${safe(event.message)}); its cases are rendered by the main thread`);
        break;
      case 'log':
        this.term.debug(safe(event.message));
        break;
      case 'watching':
        this.term.info('watching for changes (Ctrl-C to stop)');
        break;
      case 'run-finished':
        if (event.changed !== undefined) {
          this.term.info(
            `${event.changed === 'template' ? 'template changed' : 'changed'}: ${event.summary.rendered} rendered, ${event.summary.failed} failed`,
          );
        }
        break;
      case 'run-failed':
        this.#problem(`${this.term.err.red('error:')} ${safe(event.error.message)}`);
        break;
    }
  };

  /** A message on standard error, above the progress bar when there is one. */
  #problem(text: string): void {
    if (this.#bar) this.#bar.print(text);
    else this.term.problem(text);
  }

  /** The closing summary: counts, time, and each failure again in one line. */
  finish(summary: RenderSummary, many: boolean): void {
    this.#bar?.clear();
    if (this.json) {
      this.term.data(`${jsonForTerminal(toJson(summary))}\n`);
      return;
    }
    const failed = summary.failed + summary.inputProblems.length;
    // With --quiet, the closing line only when something failed.
    if ((!many || this.term.options.quiet === true) && failed === 0 && !summary.aborted) return;
    const parts = [`${summary.rendered} rendered`, `${failed} failed`];
    if (summary.skipped > 0) parts.push(`${summary.skipped} skipped (up to date; --force renders them)`);
    if (summary.notStarted > 0) parts.push(`${summary.notStarted} not started`);
    this.term.problem(`${parts.join(', ')} in ${summary.seconds.toFixed(1)} s`);
    if (summary.failures.length > 1) {
      this.term.problem('failures:');
      for (const f of summary.failures) this.term.problem(`  ${oneLine(f)}`);
    }
  }
}

function describeFailure(failure: CaseFailure, term: Terminal): string {
  if (failure.issues) return formatIssues(failure.source.name, failure.issues, failure.source.text ?? '', term.err);
  return `${term.err.bold(safe(failure.source.name))}  ${term.err.red(safe(failure.message))}`;
}

function oneLine(f: CaseFailure): string {
  const first = f.issues?.[0];
  const where = first?.line !== undefined ? `${f.source.name}:${first.line}:${first.column ?? 1}` : f.source.name;
  const more = f.issues && f.issues.length > 1 ? ` (+${f.issues.length - 1} more)` : '';
  return safe(`${where}  ${first ? first.message : f.message}${more}`);
}

function toJson(summary: RenderSummary): unknown {
  return {
    total: summary.total + summary.inputProblems.length,
    rendered: summary.rendered,
    failed: summary.failed + summary.inputProblems.length,
    skipped: summary.skipped,
    not_started: summary.notStarted,
    seconds: Math.round(summary.seconds * 1000) / 1000,
    threads: summary.threads,
    failures: [
      ...summary.inputProblems.map((p) => ({ file: p.input, kind: 'input', message: p.message })),
      ...summary.failures.map((f) => ({
        file: f.source.name,
        kind: f.kind,
        message: f.message,
        ...(f.issues ? { issues: f.issues.map(({ code, message, line, column, hint }) => ({ code, message, line, column, hint })) } : {}),
      })),
    ],
  };
}

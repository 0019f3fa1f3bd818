import { Chalk, type ChalkInstance } from 'chalk';

/** Global options every command takes. */
export interface GlobalOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

/** Colours only on a terminal, never when NO_COLOR is set or output is piped (FORCE_COLOR overrides). */
export function colorsFor(stream: NodeJS.WriteStream, options: GlobalOptions): ChalkInstance {
  const env = process.env;
  let enabled = Boolean(stream.isTTY);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') enabled = false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') enabled = true;
  if (options.color === false) enabled = false;
  return new Chalk({ level: enabled ? 1 : 0 });
}

/** Where a command writes: results on stdout, diagnostics on stderr, each with its own colours. */
export class Terminal {
  readonly out: ChalkInstance;
  readonly err: ChalkInstance;

  constructor(readonly options: GlobalOptions) {
    this.out = colorsFor(process.stdout, options);
    this.err = colorsFor(process.stderr, options);
  }

  /** A result line (suppressed by --quiet). */
  info(line: string): void {
    if (!this.options.quiet) process.stdout.write(`${line}\n`);
  }

  /** A diagnostic line shown only with --verbose. */
  debug(line: string): void {
    if (this.options.verbose) process.stderr.write(`${this.err.dim(line)}\n`);
  }

  /** An error or warning: always shown. */
  problem(text: string): void {
    process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Data for scripts (stdout, never suppressed). */
  data(text: string): void {
    process.stdout.write(text);
  }
}

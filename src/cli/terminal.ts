import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Characters a terminal acts on or that change how a line reads: C0 controls (ESC starts escape
 * sequences, BEL ends the ones that set the title), DEL, C1 controls (U+009B is a CSI of its
 * own), bidi controls and the line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNSAFE_ANY = new RegExp(UNSAFE.source);
/** What JSON.stringify leaves as it is (outside strings, its output has only spaces and line feeds). */
const UNSAFE_IN_JSON = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Text from a case file (or a file name) made safe to print: every control character shows as
 * an escape (`\x1b`, `\n`, `\u202e`) instead of acting on the user's terminal.
 */
export function safeForTerminal(text: string): string {
  if (!UNSAFE_ANY.test(text)) return text;
  return text.replace(UNSAFE, (ch) => NAMED[ch] ?? escapeCode(ch.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * JSON for standard output: JSON.stringify already writes C0 controls as `\u001b`; DEL, C1, bidi
 * controls and the separators are written the same way (the same JSON, safe to show).
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

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

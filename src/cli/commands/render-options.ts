import { availableParallelism } from 'node:os';
import { OUTPUT_FORMATS, type OutputFormat } from '../../formats.js';
import { isPageLength, type PageMargins } from '../../pdf/print-templates.js';
import { parseShard, type Shard } from '../../batch/shard.js';
import { CliError, EXIT } from '../exit-codes.js';
import type { GlobalOptions } from '../terminal.js';

/** Options of `casereport render`, as commander hands them over. */
export interface RenderOptions extends GlobalOptions {
  format: string;
  template: string;
  outDir: string;
  name: string;
  output?: string;
  browserPath?: string;
  pageSize: string;
  margin?: string;
  timeout: string;
  concurrency?: string;
  failFast?: boolean;
  force?: boolean;
  shard?: string;
  json?: boolean;
  watch?: boolean;
  deidentify?: boolean;
  provenance?: boolean;
  /** `--figures` alone is `true`: PNG. */
  figures?: string | true;
}

/** `md,pdf` → ['md', 'pdf'], refusing formats not in `allowed` (render's, unless a command has its own). */
export function parseFormats<F extends string = OutputFormat>(
  text: string,
  allowed: readonly F[] = OUTPUT_FORMATS as readonly string[] as readonly F[],
): F[] {
  const formats = [
    ...new Set(
      text
        .split(',')
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  for (const format of formats) {
    if (!(allowed as readonly string[]).includes(format)) {
      throw new CliError(`unknown format \`${format}\``, EXIT.usage, `choose from ${allowed.join(', ')}`);
    }
  }
  if (formats.length === 0) throw new CliError('no output format given', EXIT.usage, `choose from ${allowed.join(', ')}`);
  return formats as F[];
}

export function parsePageSize(text: string): 'A4' | 'Letter' {
  const size = text.toLowerCase();
  if (size === 'a4') return 'A4';
  if (size === 'letter') return 'Letter';
  throw new CliError(`unknown page size \`${text}\``, EXIT.usage, 'use a4 or letter');
}

/** `20mm` or `20mm,18mm,20mm,18mm` (top, right, bottom, left). */
export function parseMargins(text: string | undefined): { margins?: PageMargins } {
  if (text === undefined) return {};
  const parts = text.split(',').map((p) => p.trim());
  if ((parts.length !== 1 && parts.length !== 4) || !parts.every(isPageLength)) {
    throw new CliError(
      `invalid --margin \`${text}\``,
      EXIT.usage,
      'give one length or four (top,right,bottom,left), each a number with mm, cm, in or px',
    );
  }
  const [top, right = top, bottom = top, left = right] = parts as [string, ...string[]];
  return { margins: { top, right, bottom, left } };
}

/** The longest --timeout, in seconds: a day. Node's timers cannot wait beyond about 24 days at all. */
const MAX_TIMEOUT_SECONDS = 86_400;

export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0 || Math.round(seconds * 1000) < 1) {
    throw new CliError(`invalid --timeout \`${text}\``, EXIT.usage, 'give a number of seconds, e.g. 60');
  }
  if (seconds > MAX_TIMEOUT_SECONDS)
    throw new CliError(`--timeout \`${text}\` is too long`, EXIT.usage, `give at most ${MAX_TIMEOUT_SECONDS} seconds (a day)`);
  return Math.round(seconds * 1000);
}

/** `--shard I/N`. */
export function parseShardOption(text: string): Shard {
  const shard = parseShard(text);
  if (typeof shard === 'string') throw new CliError(shard, EXIT.usage);
  return shard;
}

export function parseConcurrency(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new CliError(`invalid --concurrency \`${text}\``, EXIT.usage, 'give a whole number from 1 to 64');
  return n;
}

/** `--figures [png|svg]`: PNG where no kind is given. */
export function parseFigures(value: string | true): 'png' | 'svg' {
  if (value === true || value === 'png') return 'png';
  if (value === 'svg') return value;
  throw new CliError(`unknown --figures kind \`${value}\``, EXIT.usage, 'choose png (300 dpi) or svg');
}

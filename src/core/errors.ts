/** A path into the case file, as in `rounds[1].observations[0].source`. */
export type CasePath = (string | number)[];

/** A problem with a case file that its author can fix. */
export interface CaseIssue {
  /** Stable machine-readable kind, e.g. `unknown-key`, `yaml-syntax`, `out-of-range`. */
  code: string;
  message: string;
  path: CasePath;
  hint?: string;
  /** 1-based line and column; absent only where the file has no text to point at. */
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  /**
   * Text inside the value at `path` the issue is about (`[@missing` in a paragraph): the issue then
   * points at it rather than at the start of the value. Used while locating, then dropped.
   */
  needle?: string;
}

/** Formats a path as `rounds[1].observations[0].source`. */
export function formatPath(path: CasePath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '(file)';
}

/** An error-level issue without a location yet: the validator finds its line in the YAML. */
export function caseIssue(code: string, message: string, path: CasePath, hint?: string): CaseIssue {
  return { code, message, path, severity: 'error', ...(hint ? { hint } : {}) };
}

/** Text from the file quoted in a message, shortened: a value or a key can be as long as the file. */
export function shortText(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

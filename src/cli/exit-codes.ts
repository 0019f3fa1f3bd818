/** The documented exit codes of the command line (see the README). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalidInput: 3,
  template: 4,
  browser: 5,
  timeout: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the CLI reports as a message and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The code for a run with several failures: the most specific one wins over "invalid input". */
export function worstExitCode(codes: readonly ExitCode[]): ExitCode {
  const order: ExitCode[] = [EXIT.internal, EXIT.browser, EXIT.template, EXIT.timeout, EXIT.invalidInput, EXIT.usage];
  return order.find((code) => codes.includes(code)) ?? EXIT.ok;
}

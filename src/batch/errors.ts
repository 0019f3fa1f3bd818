/** Why a render job could not start: the options, the template or the browser. */
export type SetupProblem = 'usage' | 'template' | 'browser';

/**
 * A render job that cannot start at all (as opposed to one case that fails): bad options, a
 * template with a mistake, no browser for PDF. The command line turns it into a message and an exit code.
 */
export class RenderSetupError extends Error {
  constructor(
    message: string,
    readonly problem: SetupProblem,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'RenderSetupError';
  }
}

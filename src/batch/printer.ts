import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { RenderSetupError } from './errors.js';

/** A started printer and how to stop it (closing Chromium and removing the exit handlers). */
export interface StartedPrinter {
  printer: PdfPrinter;
  dispose(): Promise<void>;
}

/**
 * Finds and starts the browser, makes sure it dies with this process, and opens the first page.
 * The browser driver is loaded here, so that jobs without PDF never load it.
 */
export async function startPrinter(options: {
  browserPath?: string;
  concurrency: number;
  log: (line: string) => void;
}): Promise<StartedPrinter> {
  const { BrowserError, PdfPrinter, registerExitCleanup } = await import('../pdf/index.js');
  try {
    const printer = await PdfPrinter.launch({
      ...(options.browserPath !== undefined ? { browserPath: options.browserPath } : {}),
      concurrency: options.concurrency,
      log: options.log,
    });
    // Signals are the caller's (it stops the job, then the process exits); the exit handler kills Chromium.
    const removeCleanup = registerExitCleanup(printer, process, { signals: false });
    await printer.warm(1);
    return {
      printer,
      dispose: async () => {
        removeCleanup();
        await printer.close();
      },
    };
  } catch (error) {
    if (error instanceof BrowserError) {
      const tried = error.tried.length > 0 ? `\ntried:\n${error.tried.map((t) => `  - ${t}`).join('\n')}` : '';
      throw new RenderSetupError(`${error.message}${tried}`, 'browser', error.hint);
    }
    throw error;
  }
}

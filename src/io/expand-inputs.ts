import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** One input of a run: a case file path, or `-` for standard input. */
/** `root` is the folder argument a file was found under, for output names that mirror it. */
export type InputRef = { kind: 'file'; path: string; root?: string } | { kind: 'stdin' };

/** An argument that named nothing to read. */
export interface InputProblem {
  input: string;
  message: string;
}

/**
 * Expands the command line's inputs: files as given, folders searched (recursively) for `*.yaml`
 * and `*.yml`, glob patterns, and `-` for standard input. Each file appears once, in a stable order.
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ refs: InputRef[]; problems: InputProblem[] }> {
  const refs: InputRef[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (path: string, root?: string): void => {
    const full = resolve(path);
    if (seen.has(full)) return;
    seen.add(full);
    refs.push(root === undefined ? { kind: 'file', path } : { kind: 'file', path, root });
  };
  for (const input of inputs) {
    if (input === '-') {
      refs.push({ kind: 'stdin' });
    } else if (existsSync(input) && statSync(input).isDirectory()) {
      const { glob } = await import('tinyglobby'); // loaded only when needed: a one-file render does not
      const found = await glob(['**/*.yaml', '**/*.yml'], { cwd: input, absolute: false, ignore: ['**/node_modules/**'] });
      if (found.length === 0) problems.push({ input, message: 'the folder holds no .yaml or .yml files' });
      const root = input.replace(/\/+$/, '');
      for (const file of found.sort()) add(`${root}/${file}`, root);
    } else if (existsSync(input)) {
      add(input);
    } else {
      const { glob, isDynamicPattern } = await import('tinyglobby');
      if (isDynamicPattern(input)) {
        const found = await glob(input, { ignore: ['**/node_modules/**'] });
        const cases = found.filter((f) => /\.ya?ml$/i.test(f)).sort();
        if (cases.length === 0) problems.push({ input, message: 'the pattern matches no .yaml or .yml files' });
        for (const file of cases) add(file);
      } else {
        problems.push({ input, message: 'no such file or folder' });
      }
    }
  }
  return { refs, problems };
}

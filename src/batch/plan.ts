import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXTENSIONS, type OutputFormat } from '../formats.js';
import type { InputRef } from '../io/expand-inputs.js';
import { outputPath, sourceParts } from './output-names.js';
import { FolderListings, isUpToDate, peekCaseIdInFile } from './up-to-date.js';

export interface PlanOptions {
  formats: readonly OutputFormat[];
  outDir: string;
  namePattern: string;
  output?: string;
  /** Render even when the outputs are newer than the case file and the template. */
  force: boolean;
  /** Newest modification time of the template's files, in ms. */
  templateMtime: number;
}

/** What a batch will do, worked out before anything is written. */
export interface BatchPlan {
  /** Cases to render. */
  todo: InputRef[];
  /** Cases whose outputs are up to date. */
  skipped: InputRef[];
  /** Output files that two inputs would both write, with the inputs. */
  conflicts: { target: string; inputs: string[] }[];
  /** Output file → the input that writes it, where it can be known without rendering. */
  claims: Map<string, string>;
}

/**
 * Looks at every input once, cheaply (the id is read from its first lines, without parsing), to find
 * outputs that two inputs would write and cases whose outputs are already up to date.
 */
export function planBatch(refs: readonly InputRef[], options: PlanOptions): BatchPlan {
  const claims = new Map<string, string>();
  const clashes = new Map<string, Set<string>>();
  const todo: InputRef[] = [];
  const skipped: InputRef[] = [];
  const needsId = options.output === undefined && options.namePattern.includes('{id}');
  const listings = new FolderListings();
  for (const ref of refs) {
    if (ref.kind === 'stdin') {
      todo.push(ref);
      continue;
    }
    let id = '';
    try {
      if (needsId) id = peekCaseIdInFile(ref.path) ?? '';
    } catch {
      todo.push(ref); // the render reports the problem with the file
      continue;
    }
    const targets = needsId && id === '' ? undefined : plannedTargets(ref, id, options);
    for (const target of targets ?? []) {
      const key = resolve(target);
      const first = claims.get(key);
      if (first === undefined) claims.set(key, ref.path);
      else clashes.set(target, (clashes.get(target) ?? new Set([first])).add(ref.path));
    }
    if (targets && !options.force && isUpToDate(targets, () => statSync(ref.path).mtimeMs, options.templateMtime, listings)) skipped.push(ref);
    else todo.push(ref);
  }
  const conflicts = [...clashes].map(([target, inputs]) => ({ target, inputs: [...inputs] }));
  return { todo, skipped, conflicts, claims };
}

function plannedTargets(ref: InputRef & { kind: 'file' }, id: string, options: PlanOptions): string[] {
  if (options.output !== undefined) return options.output === '-' ? [] : [options.output];
  const parts = { id, ...sourceParts(ref.path, ref.root) };
  return options.formats.map((format) => outputPath(options.outDir, options.namePattern, { ...parts, ext: EXTENSIONS[format] }));
}

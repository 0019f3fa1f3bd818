import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { EXTENSIONS, type OutputFormat } from '../formats.js';
import type { InputRef } from '../io/expand-inputs.js';

/** What decides where a render job writes. */
export interface OutputSettings {
  formats: readonly OutputFormat[];
  /** The output folder: every output goes inside it (unless `output` names the one file). */
  outDir: string;
  /** `--name`: the path of each output under `outDir`, with placeholders. */
  namePattern: string;
  /** `-o`: the one output file of a one-case, one-format job; `-` for standard output. */
  output?: string;
  /** `--figures`: write each chart beside the reports as an image file of this kind. */
  figures?: 'png' | 'svg';
}

/** Placeholders a `--name` pattern may hold. */
export const NAME_PLACEHOLDERS = ['id', 'ext', 'name', 'dir'] as const;

/** What a `--name` pattern can use. */
interface NameParts {
  id: string;
  ext: string;
  /** The case file's name without extension (`stdin` for standard input). */
  name: string;
  /** The case file's folder relative to the input folder it was found under ('' at the top). */
  dir: string;
}

/** One output file of a case (`-` for standard output). */
export interface PlannedOutput {
  format: OutputFormat;
  target: string;
}

/** Every output of one case, decided in one place (see outputsFor). */
export interface CaseOutputs {
  /** One report per format. */
  reports: PlannedOutput[];
  /**
   * The name chart n (from 1) is linked by from the Markdown report, beside which it is written;
   * undefined when the Markdown goes to standard output, which carries its charts inline.
   */
  chartName(n: number): string | undefined;
  /** Where the chart files go: the Markdown report's folder, when Markdown is written to a file. */
  chartDir?: string;
  /** `--figures`: the file of figure n (a chart), beside the first report, named after it. */
  figureFile?(n: number): string;
}

/** Checks a `--name` pattern: only known placeholders, one file per format and case, no way out of the folder. */
export function checkNamePattern(pattern: string): string | undefined {
  for (const [, key] of pattern.matchAll(/\{([^}]*)\}/g)) {
    if (!(NAME_PLACEHOLDERS as readonly string[]).includes(key ?? '')) {
      return `unknown placeholder {${key}} in --name; use ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
    }
  }
  if (!pattern.includes('{ext}')) return '--name needs {ext}, so that each format gets its own file';
  if (!pattern.includes('{id}') && !pattern.includes('{name}')) return '--name needs {id} or {name}, so that each case gets its own file';
  if (pattern.split(/[\\/]/).includes('..')) return '--name may not contain `..`: every output stays inside --out-dir';
  return undefined;
}

/**
 * Where every output of one case goes: its reports (by `-o`, or by the `--name` pattern under the
 * output folder) and the chart files of its Markdown report, named after that report so that two
 * cases whose reports differ do not share chart files. A path that would leave the output folder is
 * refused (a problem for this case; the others go on).
 */
export function outputsFor(ref: InputRef, id: string, settings: OutputSettings): CaseOutputs | { problem: string } {
  const parts = { id, ...sourceParts(ref) };
  const named = (format: OutputFormat): string =>
    join(
      settings.outDir,
      settings.namePattern
        .replace(/\{(id|ext|name|dir)\}/g, (_, key: keyof NameParts) => ({ ...parts, ext: EXTENSIONS[format] })[key])
        .replace(/^[\\/]+/, ''),
    );
  const reports = settings.formats.map((format) => ({ format, target: settings.output ?? named(format) }));
  if (settings.output === undefined) {
    for (const { target } of reports) {
      if (!isInside(settings.outDir, target))
        return { problem: `the output ${target} would be outside the output folder ${settings.outDir}` };
    }
  }
  // Figure files (--figures) are named after the first report: `{id}-figure-{n}.png` by default.
  const first = reports[0]?.target ?? '-';
  const figures = settings.figures;
  const figureFile =
    figures === undefined || first === '-'
      ? {}
      : { figureFile: (n: number): string => join(dirname(first), `${basename(first, extname(first))}-figure-${n}.${figures}`) };
  // Charts are named after the Markdown report (or the file -o names), wherever it is written.
  const markdown = settings.output ?? named('md');
  if (markdown === '-') return { reports, chartName: () => undefined, ...figureFile };
  const stem = basename(markdown, extname(markdown));
  const chartName = (n: number): string => `${stem}-chart-${n}.svg`;
  return settings.formats.includes('md')
    ? { reports, chartName, chartDir: dirname(markdown), ...figureFile }
    : { reports, chartName, ...figureFile };
}

/** Whether `path` lies inside the folder `dir` (by their absolute paths, not following links). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Name parts that come from where the case file was found. */
export function sourceParts(ref: InputRef): Pick<NameParts, 'name' | 'dir'> {
  if (ref.kind === 'stdin') return { name: 'stdin', dir: '' };
  const dir = ref.root === undefined ? '' : relative(ref.root, dirname(ref.path));
  return { name: basename(ref.path, extname(ref.path)), dir: dir === '..' || dir.startsWith(`..${sep}`) ? '' : dir };
}

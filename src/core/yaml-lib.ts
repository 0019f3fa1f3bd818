import { loadOnFirstUse } from './load-on-first-use.js';

/**
 * The `yaml` package, loaded the first time it is needed. Valid case files are read by the faster
 * js-yaml; `yaml`, which keeps the line and column of every value, is needed only to locate problems
 * and for files with anchors, aliases or tags. Loading it costs about a tenth of a second (on every
 * render thread), which most runs never need to pay.
 */
export const yamlLib = loadOnFirstUse<typeof import('yaml')>('yaml');

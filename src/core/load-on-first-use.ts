import { createRequire } from 'node:module';

/**
 * A package that is loaded the first time it is asked for, for packages most runs never need
 * (loading one costs tens of milliseconds on every render thread). The packages loaded this way
 * ship CommonJS, which is what Node loads for them in any case.
 */
export function loadOnFirstUse<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(name) as T);
}

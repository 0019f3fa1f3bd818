import type { TemplateSpec } from './handlebars-env.js';

/** Where Handlebars says a path is written: lines from 1, columns from 0. */
export interface SourceSpan {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * A field that strict mode did not find, with the value it was looked for in, so that the message
 * can name the fields that do exist there (Handlebars' own says `"titel" not defined in [object Object]`).
 */
export class MissingFieldError extends Error {
  constructor(
    readonly field: string,
    readonly holder: unknown,
    readonly span: SourceSpan | undefined,
  ) {
    super(`"${field}" not defined`);
    this.name = 'MissingFieldError';
  }
}

interface Container {
  strict: (holder: unknown, name: string, span?: SourceSpan) => unknown;
  lookupProperty: (holder: unknown, name: string) => unknown;
}

const patched = new WeakSet<object>();

/**
 * The spec with Handlebars' strict lookup replaced by one that keeps what it looked in. Generated
 * code reads `container.strict` when each template function starts, and the runtime makes one
 * container per template and passes it to every function, so setting it as the main function
 * starts covers the whole template. The lookup itself is Handlebars' (prototype rules included).
 */
export function withFieldErrors(spec: TemplateSpec): TemplateSpec {
  const main = (spec as { main: (this: unknown, container: Container, ...rest: unknown[]) => unknown }).main;
  return {
    ...spec,
    main(this: unknown, container: Container, ...rest: unknown[]) {
      if (!patched.has(container)) {
        container.strict = (holder, name, span) => {
          if (holder === null || (typeof holder !== 'object' && typeof holder !== 'function') || !(name in holder)) {
            throw new MissingFieldError(name, holder, span);
          }
          return container.lookupProperty(holder, name);
        };
        patched.add(container);
      }
      return main.call(this, container, ...rest);
    },
  };
}

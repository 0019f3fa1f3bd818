import { caseSchema } from '../schema/case-schema.js';
import type { CasePath } from '../errors.js';

/** The parts of zod's internal definition that a walk along a path needs. */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  valueType?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  items?: { _zod: { def: Def } }[];
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

/** Strips wrappers that do not change which keys an object accepts. */
function unwrap(def: Def): Def[] {
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return def.innerType ? unwrap(defOf(def.innerType)) : [];
    case 'pipe':
      return def.in ? unwrap(defOf(def.in)) : [];
    case 'union':
      return (def.options ?? []).flatMap((o) => unwrap(defOf(o)));
    default:
      return [def];
  }
}

function step(defs: Def[], segment: string | number): Def[] {
  return defs.flatMap((def) => {
    if (def.type === 'object' && typeof segment === 'string') {
      const child = def.shape && Object.hasOwn(def.shape, segment) ? def.shape[segment] : undefined;
      return child ? unwrap(defOf(child)) : [];
    }
    if (def.type === 'array' && typeof segment === 'number' && def.element) return unwrap(defOf(def.element));
    if (def.type === 'record' && def.valueType) return unwrap(defOf(def.valueType));
    if (def.type === 'tuple' && typeof segment === 'number') {
      const item = def.items?.[segment];
      return item ? unwrap(defOf(item)) : [];
    }
    return [];
  });
}

/** The keys the format allows in the mapping at `path`, for "did you mean" hints. */
export function knownKeysAt(path: CasePath): string[] {
  let defs = unwrap(defOf(caseSchema));
  for (const segment of path) defs = step(defs, segment);
  const keys = new Set<string>();
  for (const def of defs) if (def.type === 'object') for (const key of Object.keys(def.shape ?? {})) keys.add(key);
  return [...keys];
}

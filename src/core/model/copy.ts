/**
 * `{ ...base, ...extra }`, made with Object.assign. Case-file objects come in many shapes (optional
 * fields), and V8 (Node 20) copies objects of many shapes by spread about twenty times slower than
 * Object.assign: measured on the observations of the steven-sci example, 113 µs against 5.5 µs a
 * case. Same result: the own enumerable fields of `base`, in order, then those of `extra`.
 */
export function withFields<T extends object, U extends object>(base: T, extra: U): T & U {
  return Object.assign(Object.assign({}, base), extra);
}

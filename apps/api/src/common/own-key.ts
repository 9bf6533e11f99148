/**
 * Lookups keyed by outside input (a query string, a stored code, a constraint name) read the
 * record's own properties only. `record[key]` also finds inherited members: `__proto__` hands back
 * `Object.prototype`, `toString` a function — which, given to TypeORM as an ORDER BY, once took a
 * whole instance down.
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string | undefined | null): V | undefined {
  return typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
}

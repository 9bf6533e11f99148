/**
 * The `VALUES` list of a multi-row INSERT with numbered parameters: `rows` rows of
 * `casts.length` values each, the n-th value of a row cast as `casts[n]` ('' for none). The
 * parameters are the rows' values flattened, in the same order, numbered from `$offset + 1`
 * (a statement that carries parameters of its own before these).
 */
export function valuesList(rows: number, casts: readonly string[], offset = 0): string {
  const width = casts.length;
  return Array.from(
    { length: rows },
    (_, i) => `(${casts.map((cast, j) => `$${offset + i * width + j + 1}${cast ? `::${cast}` : ''}`).join(', ')})`,
  ).join(', ');
}

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

/**
 * Rows a multi-row INSERT takes at a time: PostgreSQL takes at most 65,535 parameters a
 * statement, and our widest row (the workflow log's with its audit line) has 17.
 */
export const ROWS_PER_STATEMENT = 1_000;

/** `rows` in consecutive slices of at most `size`, one per statement. */
export function* statementBatches<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let from = 0; from < rows.length; from += size) yield rows.slice(from, from + size);
}

import { statementBatches, valuesList } from './values-list';

describe('valuesList', () => {
  it('numbers each row’s parameters after the previous row’s, with the casts in place', () => {
    expect(valuesList(2, ['', 'jsonb', ''])).toBe('($1, $2::jsonb, $3), ($4, $5::jsonb, $6)');
    expect(valuesList(1, ['uuid'])).toBe('($1::uuid)');
  });

  it('numbers from after the parameters the statement already carries', () => {
    expect(valuesList(2, ['', 'uuid'], 3)).toBe('($4, $5::uuid), ($6, $7::uuid)');
  });
});

describe('statementBatches', () => {
  it('slices rows into consecutive batches of at most the given size, none empty', () => {
    expect([...statementBatches([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...statementBatches([1, 2], 2)]).toEqual([[1, 2]]);
    expect([...statementBatches([], 2)]).toEqual([]);
  });
});

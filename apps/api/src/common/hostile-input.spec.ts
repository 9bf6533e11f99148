import { hostileInputErrors, MAX_DEPTH } from './hostile-input';

/** `depth` arrays nested, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

describe('hostileInputErrors', () => {
  it('takes ordinary input, emoji and Japanese included', () => {
    expect(
      hostileInputErrors({
        displayName: 'グエン 😀',
        languages: [{ code: 'vi', proficiency: 'native' }],
        n: 3,
        ok: true,
        none: null,
      }),
    ).toBeNull();
    expect(hostileInputErrors(undefined)).toBeNull();
  });

  it('takes nesting up to the limit and refuses one level more, naming the path', () => {
    expect(hostileInputErrors({ a: nested(MAX_DEPTH - 1) })).toBeNull();
    const errors = hostileInputErrors({ a: nested(MAX_DEPTH) });
    expect(Object.keys(errors!)).toEqual([['a', ...Array(MAX_DEPTH - 1).fill('0')].join('.')]);
  });

  it('walks a million levels without overflowing the stack', () => {
    expect(Object.keys(hostileInputErrors(nested(1_000_000))!)).toHaveLength(1);
  });

  it('refuses NUL and unpaired surrogates in values and keys, naming the field', () => {
    expect(
      hostileInputErrors({ patient: { displayName: 'a\u0000' }, email: 'x\ud800@example.jp', ['k\u0000']: 1 }),
    ).toEqual({
      'patient.displayName': ['must not contain the NUL character (\\u0000)'],
      email: ['must be well-formed Unicode text (it holds an unpaired surrogate)'],
      'k\u0000': ['must not contain the NUL character (\\u0000)'],
    });
  });

  it('refuses keys naming inherited members, __proto__ included, without touching any prototype', () => {
    const input = JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{}},"nested":{"toString":1}}');
    const errors = hostileInputErrors(input)!;
    expect(Object.keys(errors).sort()).toEqual(['__proto__', 'constructor', 'nested.toString']);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('names at most ten fields', () => {
    const input = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}`, '\u0000']));
    expect(Object.keys(hostileInputErrors(input)!)).toHaveLength(10);
  });
});

import { chooseEncoding } from './precompressed';

describe(chooseEncoding.name, () => {
  const both = ['br', 'gzip'] as const;

  it("takes brotli from a browser that lists gzip first, as Chromium's 'gzip, deflate, br, zstd'", () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
  });

  it('falls back to gzip for a client without brotli (Chromium over plain http)', () => {
    expect(chooseEncoding('gzip, deflate', both)).toBe('gzip');
  });

  it('answers the file as it is to a client that names no coding it has', () => {
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding('', both)).toBeNull();
    expect(chooseEncoding('identity', both)).toBeNull();
    expect(chooseEncoding('deflate', both)).toBeNull();
  });

  it('never sends a coding the client refuses with q=0', () => {
    expect(chooseEncoding('br;q=0, gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', both)).toBeNull();
    expect(chooseEncoding('*, br;q=0', both)).toBe('gzip');
  });

  it("follows the client's ratings, and * for codings it does not name", () => {
    expect(chooseEncoding('gzip;q=1, br;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('BR', both)).toBe('br');
  });

  it('offers only the copies there are', () => {
    expect(chooseEncoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeNull();
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Every source file of the panel. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe("the panel's imports", () => {
  it('reach libs only through the model aliases (never the entities, so TypeORM stays out of the bundle), and never climb out of apps/admin/src', () => {
    const offending: string[] = [];
    for (const file of sources(__dirname)) {
      for (const [, from] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const climbsOut = from.startsWith('.') && relative(__dirname, resolve(file, '..', from)).startsWith('..');
        const intoLibs = from.startsWith('@app/') && from !== '@app/domain/model' && !from.startsWith('@app/matching/');
        if (climbsOut || intoLibs || from === 'typeorm') offending.push(`${relative(__dirname, file)}: ${from}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

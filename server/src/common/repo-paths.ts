import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The repository root, found by walking up to the package.json named "congressflow".
 * Works the same from `server/src` (tests, ts runners) and from `dist/server/src` (built).
 */
export function repoRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'congressflow') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no congressflow package.json above ${start}`);
    dir = parent;
  }
}

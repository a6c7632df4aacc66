import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The engine's folders stand in layers: storage (documents, the engine store, the task store and
 * its inbox lists) at the bottom, the runtime (steps, revisions, effects) on it, and the task
 * operations (claim, complete, return, retrieve…) on the runtime. An import that points upwards
 * is how the old runtime ↔ tasks circle began, so it fails here.
 */

const ENGINE = resolve(__dirname, '../../engine/src');
const BELOW: Record<string, string[]> = {
  storage: ['runtime', 'tasks'],
  runtime: ['tasks'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) =>
    relative(ENGINE, resolve(dirname(file), m[1]!)),
  );
}

it.each(Object.entries(BELOW))(
  'engine/src/%s imports nothing from the layers above it',
  (layer, above) => {
    const upward = sources(join(ENGINE, layer)).flatMap((file) =>
      importsOf(file)
        .filter((target) =>
          above.some((folder) => target === folder || target.startsWith(`${folder}/`)),
        )
        .map((target) => `${relative(ENGINE, file)} → ${target}`),
    );
    expect(upward).toEqual([]);
  },
);

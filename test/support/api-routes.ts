import type { INestApplication } from '@nestjs/common';

export interface Route {
  method: string;
  path: string;
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * Every route the running application answers, read from Express's router after Nest registered
 * its controllers (and the API docs registered theirs). Routes other modules add later appear here
 * without anyone updating a list.
 */
export function listRoutes(app: INestApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] } };
  const stack = express.router?.stack;
  if (!stack) throw new Error('the Express router is not initialised yet');
  const routes: Route[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const path of paths) {
      for (const [method, enabled] of Object.entries(layer.route.methods)) {
        if (enabled && method !== '_all') routes.push({ method: method.toUpperCase(), path });
      }
    }
  }
  return routes;
}

/** A concrete URL for a route pattern: each `:param` becomes a value no record has. */
export function concretePath(pattern: string, value = 'probe-0000'): string {
  return pattern.replace(/:([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?/g, value).replace(/\*.*$/, value);
}

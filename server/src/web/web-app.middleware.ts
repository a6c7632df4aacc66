import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

/** Security headers for the web app's pages (the API sets its own). */
const PAGE_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  // antd and Formily inject <style> elements at run time, hence 'unsafe-inline' for styles only
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; '),
};

/** Whether `distDir` holds a built web app (`npm run build:designer`). */
export function hasWebBuild(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html'));
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built web app: hashed files under /assets/ cached for a year, everything else
 * revalidated, and for any other GET that is not under /api and names no file, index.html (the
 * client-side router's routes: /inbox, /tasks/…). /api is never touched, so unknown API paths
 * still get the API's JSON 404.
 */
export function webAppMiddleware(distDir: string): RequestHandler[] {
  const index = join(distDir, 'index.html');
  const files = express.static(distDir, {
    index: false,
    fallthrough: true,
    setHeaders: (response, path) => {
      if (path.includes(`${join(distDir, 'assets')}`)) {
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        response.setHeader('Cache-Control', 'no-cache');
      }
    },
  });

  const skipApi: RequestHandler = (request, response, next) =>
    isApiPath(request.path) ? next() : files(request, response, next);

  const spaFallback = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (isApiPath(request.path)) return next();
    // /assets/missing.js is a missing file, not a page
    const last = request.path.split('/').pop() ?? '';
    if (last.includes('.') || request.path.startsWith('/assets/')) return next();
    response.set({ ...PAGE_HEADERS, 'Cache-Control': 'no-cache' });
    response.type('html');
    response.sendFile(index, (error) => error && next(error));
  };

  return [skipApi, spaFallback];
}

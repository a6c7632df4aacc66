/** Where to go after signing in: only a path of this site (never `//evil.example`), else the inbox. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) {
    return '/inbox';
  }
  return next;
}

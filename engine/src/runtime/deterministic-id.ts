import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its parts (name-based, in the manner of UUID v5). Whatever a job
 * creates gets such an id, so a job that runs again after a crash finds what its first run made
 * instead of making it twice.
 */
export function deterministicId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

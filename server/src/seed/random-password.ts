import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the password is read off a terminal and typed by hand.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 12 characters in three groups (`Xk7m-Pq2r-9Ztw`), with letters and digits: passes the policy. */
export function randomPassword(): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
    const text = chars.join('');
    if (/[a-zA-Z]/.test(text) && /\d/.test(text))
      return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
  }
}

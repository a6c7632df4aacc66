const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A 12-character password that passes the policy (letters and digits, no look-alikes). */
export function randomPassword(length = 12): string {
  const all = LETTERS + DIGITS;
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  const chars = [...bytes].map((b) => all[b % all.length]);
  chars[bytes[0] % (length - 1)] = LETTERS[bytes[1] % LETTERS.length];
  chars[length - 1] = DIGITS[bytes[2] % DIGITS.length];
  return chars.join('');
}

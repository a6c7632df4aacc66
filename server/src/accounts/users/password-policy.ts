/**
 * The minimum password policy: 8–64 characters with at least one letter and one digit, not the
 * username. bcrypt reads only the first 72 bytes, so a longer UTF-8 password (Chinese characters
 * take three bytes) is refused rather than silently cut.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
const BCRYPT_MAX_BYTES = 72;

export const PASSWORD_POLICY_TEXT = `密码须为 ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符，至少包含一个字母和一个数字，且不能与用户名相同`;

/** Every rule the password breaks, in zh-CN; empty when it is acceptable. */
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`密码不能少于 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  else if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) {
    problems.push(`密码过长（按 UTF-8 计不能超过 ${BCRYPT_MAX_BYTES} 字节）`);
  }
  if (!/\p{L}/u.test(password)) problems.push('密码至少包含一个字母');
  if (!/\p{Nd}/u.test(password)) problems.push('密码至少包含一个数字');
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    problems.push('密码不能与用户名相同');
  }
  return problems;
}

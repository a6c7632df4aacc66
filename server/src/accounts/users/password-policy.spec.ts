import { passwordProblems } from './password-policy';

describe('the password policy', () => {
  it('accepts 8+ characters with a letter and a digit', () => {
    expect(passwordProblems('abcdefg1')).toEqual([]);
    expect(passwordProblems('人大常委会2026年')).toEqual([]);
  });

  it('names every rule a password breaks at once', () => {
    expect(passwordProblems('abc')).toEqual(['密码不能少于 8 个字符', '密码至少包含一个数字']);
    expect(passwordProblems('12345678')).toEqual(['密码至少包含一个字母']);
  });

  it('refuses the username as the password, whatever its case', () => {
    expect(passwordProblems('Office2026', 'office2026')).toEqual(['密码不能与用户名相同']);
  });

  it('refuses what bcrypt would silently cut at 72 bytes', () => {
    const chinese = '密'.repeat(30) + '1'; // 31 characters, 91 bytes
    expect(passwordProblems(chinese)).toEqual(['密码过长（按 UTF-8 计不能超过 72 字节）']);
    expect(passwordProblems('a1'.repeat(33))).toEqual(['密码不能超过 64 个字符']);
  });
});

import { passwordProblems } from '../accounts/users/password-policy';
import { randomPassword } from './random-password';

describe('randomPassword', () => {
  it('always passes the password policy and is easy to read off a terminal', () => {
    for (let i = 0; i < 200; i += 1) {
      const password = randomPassword();
      expect(password).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
      expect(password).not.toMatch(/[0O1lI]/);
      expect(passwordProblems(password)).toEqual([]);
    }
  });
});

import { Injectable, Inject } from '@nestjs/common';
import type { UserDoc } from '../accounts/users/user.document';
import { usernameKeyOf } from '../accounts/users/user.document';
import { PasswordHasher } from '../accounts/users/password-hasher';
import { passwordProblems } from '../accounts/users/password-policy';
import { UserRepository } from '../accounts/users/user.repository';
import { UsersService } from '../accounts/users/users.service';
import { AppError } from '../common/errors/app-error';
import { DistrictRepository } from '../districts/district.repository';
import type { Caller } from './caller';
import { LoginAttempts } from './login-attempts';
import { SessionService } from './session.service';

/** docs/api.md `Me`: the signed-in user as the web app shows them (their own district). */
export interface Me {
  id: string;
  username: string;
  name: string;
  district: { id: string; name: string };
  unitId?: string;
  roles: string[];
  isPlatformAdmin: boolean;
  isDistrictAdmin: boolean;
  email?: string;
  phone?: string;
  notifyBy: { email: boolean; sms: boolean };
}

export interface ProfileChanges {
  email?: string | null;
  phone?: string | null;
  notifyBy?: { email: boolean; sms: boolean };
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(UsersService) private readonly accounts: UsersService,
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
    @Inject(PasswordHasher) private readonly hasher: PasswordHasher,
    @Inject(LoginAttempts) private readonly attempts: LoginAttempts,
    @Inject(SessionService) private readonly sessions: SessionService,
  ) {}

  /**
   * Checks the password under the lock-out rule and starts a session. Unknown usernames, disabled
   * accounts and wrong passwords all answer the same INVALID_CREDENTIALS in the same time.
   */
  async login(username: string, password: string): Promise<{ token: string; me: Me }> {
    const key = usernameKeyOf(username);
    const user = await this.checkPassword(key, async () => {
      const found = await this.users.findByUsername(key);
      if (found && !found.disabled) {
        return (await this.hasher.verify(password, found.passwordHash)) ? found : null;
      }
      return this.hasher.verifyNobody(password).then(() => null);
    });
    if (!user) throw new AppError('INVALID_CREDENTIALS');
    const token = await this.sessions.start(user);
    return { token, me: await this.me(user) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.end(sessionId);
  }

  /** Ends a session the browser still holds before it signs in again (no session fixation). */
  async endPrevious(token: string | undefined): Promise<void> {
    if (token !== undefined) await this.sessions.endByToken(token);
  }

  async meOf(caller: Caller): Promise<Me> {
    const user = await this.users.users.in(caller.homeDistrict).findById(caller.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return this.me(user);
  }

  /** The caller's own contact details and channels; a channel needs its address. */
  async updateProfile(caller: Caller, changes: ProfileChanges): Promise<Me> {
    const view = this.users.users.in(caller.homeDistrict);
    const user = await view.findById(caller.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const next = {
      email: changes.email === undefined ? user.email : (changes.email ?? undefined),
      phone: changes.phone === undefined ? user.phone : (changes.phone ?? undefined),
      notifyBy: changes.notifyBy ?? user.notifyBy ?? { email: false, sms: false },
    };
    const problems = [
      ...(next.notifyBy.email && !next.email
        ? [{ path: 'notifyBy.email', message: '请先填写邮箱地址' }]
        : []),
      ...(next.notifyBy.sms && !next.phone
        ? [{ path: 'notifyBy.sms', message: '请先填写手机号' }]
        : []),
    ];
    if (problems.length > 0) throw AppError.validation(problems);
    const unset = Object.fromEntries(
      (['email', 'phone'] as const)
        .filter((field) => next[field] === undefined)
        .map((f) => [f, '']),
    );
    const set = {
      ...(next.email !== undefined && { email: next.email }),
      ...(next.phone !== undefined && { phone: next.phone }),
      notifyBy: next.notifyBy,
      updatedAt: new Date(),
    };
    await view.updateOne(
      { _id: user._id },
      { $set: set, ...(Object.keys(unset).length > 0 && { $unset: unset }) },
    );
    return this.me({
      ...user,
      ...set,
      ...Object.fromEntries(Object.keys(unset).map((f) => [f, undefined])),
    });
  }

  /**
   * Needs the current password (counted like a login, so a stolen session cannot guess it),
   * ends every other session of the user and returns the token of a fresh one for this browser.
   */
  async changePassword(
    caller: Caller,
    sessionId: string,
    current: string,
    next: string,
  ): Promise<string> {
    const user = await this.users.users.in(caller.homeDistrict).findById(caller.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    const ok = await this.checkPassword(user.usernameKey, async () =>
      (await this.hasher.verify(current, user.passwordHash)) ? user : null,
    );
    if (!ok) throw AppError.field('currentPassword', '当前密码不正确');

    const problems = passwordProblems(next, user.username);
    if (next === current) problems.push('新密码不能与当前密码相同');
    if (problems.length > 0)
      throw AppError.validation(problems.map((message) => ({ path: 'newPassword', message })));

    const updated = await this.accounts.replacePassword(user.district, user._id, next);
    await this.sessions.end(sessionId);
    return this.sessions.start(updated);
  }

  /** Runs one password check under the lock-out rule; null when the password was wrong. */
  private async checkPassword(
    usernameKey: string,
    verify: () => Promise<UserDoc | null>,
  ): Promise<UserDoc | null> {
    const attempt = await this.attempts.begin(usernameKey);
    if (!attempt.allowed) throw locked(attempt.lockedUntil);
    const user = await verify();
    if (user) {
      await this.attempts.succeeded(usernameKey);
      return user;
    }
    const lockedUntil = await this.attempts.failed(usernameKey);
    if (lockedUntil) throw locked(lockedUntil);
    return null;
  }

  private async me(user: UserDoc): Promise<Me> {
    const district = await this.districts.findById(user.district);
    const me: Me = {
      id: user._id,
      username: user.username,
      name: user.name,
      district: { id: user.district, name: district?.name ?? user.district },
      roles: user.roles,
      isPlatformAdmin: user.isPlatformAdmin,
      isDistrictAdmin: user.isDistrictAdmin,
      notifyBy: user.notifyBy ?? { email: false, sms: false },
    };
    if (user.unitId !== undefined) me.unitId = user.unitId;
    if (user.email !== undefined) me.email = user.email;
    if (user.phone !== undefined) me.phone = user.phone;
    return me;
  }
}

function locked(until: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: until.toISOString() });
}

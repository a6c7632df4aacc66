import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Clock } from '../../../engine/src';
import { collectionOf } from '../common/database/collections';
import { CLOCK, DATABASE } from '../common/tokens';
import type { Database } from '../database/database';
import type { AuthSettings } from './auth-settings';
import { AUTH_SETTINGS } from './auth-settings.token';

/**
 * `login_attempts`: one record per password check of a username, `_id` random. Platform-wide and
 * keyed by the typed username (unknown names are counted too, so a lock reveals nothing).
 */
interface AttemptDoc {
  _id: string;
  usernameKey: string;
  at: Date;
}

export type AttemptOutcome =
  { allowed: true; attemptId: string } | { allowed: false; lockedUntil: Date };

/**
 * Counts failed password checks per username so that at most `maxLoginFailures` happen within
 * `lockMinutes`, even under concurrent requests.
 *
 * FerretDB's conditional updates are not atomic (two `$inc`s can read the same count), but inserts
 * of distinct ids are never lost. So each attempt first inserts its own record and then counts the
 * records in the window: the j-th insert of a window sees at least j records, and only attempts
 * that see no more than the limit go on to check the password. A wrong password leaves its record
 * (a failure); a right one deletes the username's records (the count starts over); an attempt
 * turned away while locked removes its own, so hammering a locked account does not extend it.
 */
@Injectable()
export class LoginAttempts implements OnModuleInit {
  private readonly attempts: Collection<AttemptDoc>;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.attempts = collectionOf<AttemptDoc>(database, 'login_attempts');
  }

  async onModuleInit(): Promise<void> {
    await this.attempts.createIndex({ usernameKey: 1, at: 1 });
  }

  async begin(usernameKey: string): Promise<AttemptOutcome> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.windowMs());
    const attemptId = randomBytes(12).toString('hex');
    await this.attempts.deleteMany({ usernameKey, at: { $lte: windowStart } });
    await this.attempts.insertOne({ _id: attemptId, usernameKey, at: now });
    const seen = await this.attempts.countDocuments({ usernameKey, at: { $gt: windowStart } });
    if (seen <= this.settings.maxLoginFailures) return { allowed: true, attemptId };
    await this.attempts.deleteOne({ _id: attemptId });
    return { allowed: false, lockedUntil: await this.lockedUntil(usernameKey, windowStart) };
  }

  /** After a wrong password: the lock's end when this failure reached the limit. */
  async failed(usernameKey: string): Promise<Date | undefined> {
    const windowStart = new Date(this.clock.now().getTime() - this.windowMs());
    const failures = await this.attempts.countDocuments({ usernameKey, at: { $gt: windowStart } });
    if (failures < this.settings.maxLoginFailures) return undefined;
    return this.lockedUntil(usernameKey, windowStart);
  }

  async succeeded(usernameKey: string): Promise<void> {
    await this.attempts.deleteMany({ usernameKey });
  }

  /** The lock ends when the limit-th most recent failure leaves the window. */
  private async lockedUntil(usernameKey: string, windowStart: Date): Promise<Date> {
    const recent = await this.attempts
      .find(
        { usernameKey, at: { $gt: windowStart } },
        { sort: { at: -1 }, limit: this.settings.maxLoginFailures },
      )
      .toArray();
    const oldestCounted = recent[recent.length - 1]?.at ?? this.clock.now();
    return new Date(oldestCounted.getTime() + this.windowMs());
  }

  private windowMs(): number {
    return this.settings.lockMinutes * 60_000;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock } from '../../../engine/src';
import type { UserDoc } from '../accounts/users/user.document';
import { UserRepository } from '../accounts/users/user.repository';
import { collectionOf } from '../common/database/collections';
import { CLOCK, DATABASE, ROOT_LOGGER } from '../common/tokens';
import type { Database } from '../database/database';
import type { AuthSettings } from './auth-settings';
import { AUTH_SETTINGS } from './auth-settings.token';

/**
 * `sessions`: `_id` is the sha256 of the cookie's random token, so a copy of the database does
 * not hold usable cookies. Platform-wide (a session is found before its district is known), but
 * each names the district of its user.
 */
interface SessionDoc {
  _id: string;
  district: string;
  userId: string;
  /** The user's session epoch at login; a password reset or disabling changes it. */
  epoch: string;
  createdAt: Date;
  renewedAt: Date;
  expiresAt: Date;
  /** The hard end however busy the session is. */
  endsAt: Date;
}

export interface ActiveSession {
  id: string;
  user: UserDoc;
}

/** Sliding renewal writes at most once a minute per session, not on every request. */
const RENEW_AFTER_MS = 60_000;
const SWEEP_EVERY_MS = 60 * 60_000;

@Injectable()
export class SessionService implements OnModuleInit, OnModuleDestroy {
  private readonly sessions: Collection<SessionDoc>;
  private sweeper?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.sessions = collectionOf<SessionDoc>(database, 'sessions');
  }

  /** Starts a session for the user and returns the token for the cookie (never stored). */
  async start(user: UserDoc): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.insertOne({
      _id: hashToken(token),
      district: user.district,
      userId: user._id,
      epoch: user.sessionEpoch,
      createdAt: now,
      renewedAt: now,
      expiresAt: this.idleEnd(now, addHours(now, this.settings.sessionMaxHours)),
      endsAt: addHours(now, this.settings.sessionMaxHours),
    });
    return token;
  }

  /**
   * The session and its user when the token is valid: not expired, the user still enabled and
   * in the same session epoch. Pushes the idle expiry back (sliding).
   */
  async resolve(token: string): Promise<ActiveSession | undefined> {
    if (token.length > 100) return undefined;
    const id = hashToken(token);
    const session = await this.sessions.findOne({ _id: id });
    const now = this.clock.now();
    if (!session || session.expiresAt <= now) return undefined;
    const user = await this.users.users.in(session.district).findById(session.userId);
    if (!user || user.disabled || user.sessionEpoch !== session.epoch) {
      await this.end(id);
      return undefined;
    }
    if (now.getTime() - session.renewedAt.getTime() >= RENEW_AFTER_MS) {
      await this.sessions.updateOne(
        { _id: id },
        { $set: { renewedAt: now, expiresAt: this.idleEnd(now, session.endsAt) } },
      );
    }
    return { id, user };
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.deleteOne({ _id: sessionId });
  }

  async endByToken(token: string): Promise<void> {
    await this.end(hashToken(token));
  }

  /** Expired sessions are deleted hourly (FerretDB has no TTL indexes). */
  async sweep(): Promise<number> {
    const { deletedCount } = await this.sessions.deleteMany({
      expiresAt: { $lte: this.clock.now() },
    });
    return deletedCount;
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'session sweep failed'),
      );
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private idleEnd(now: Date, endsAt: Date): Date {
    const idle = now.getTime() + this.settings.sessionIdleMinutes * 60_000;
    return new Date(Math.min(idle, endsAt.getTime()));
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * 3_600_000);
}

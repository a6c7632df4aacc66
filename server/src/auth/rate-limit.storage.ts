import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Collection } from 'mongodb';
import type { Clock } from '../../../engine/src';
import { collectionOf } from '../common/database/collections';
import { CLOCK, DATABASE } from '../common/tokens';
import type { Database } from '../database/database';

/** `rate_hits`: one record per counted request, `_id` random. */
interface HitDoc {
  _id: string;
  key: string;
  at: Date;
}

interface StorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * The login rate limit's counter in the database, so that every server process counts the same
 * requests (the throttler's own counter lives in one process's memory: N processes would allow
 * N times the limit). A sliding window, race-free the way login attempts are (login-attempts.ts):
 * each request inserts its own record, then counts the window, and one beyond the limit removes
 * its record again so that hammering a blocked address does not prolong the block.
 */
@Injectable()
export class DatabaseRateLimitStorage implements ThrottlerStorage {
  private readonly hits: Collection<HitDoc>;
  private indexed: Promise<unknown> | undefined;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.hits = collectionOf<HitDoc>(database, 'rate_hits');
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<StorageRecord> {
    // made by the throttler module's factory, not as a provider: the index comes with first use
    this.indexed ??= this.hits.createIndex({ key: 1, at: 1 });
    await this.indexed;
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - ttl);
    const bucket = `${throttlerName}:${key}`;
    const id = randomBytes(12).toString('hex');
    await this.hits.deleteMany({ key: bucket, at: { $lte: windowStart } });
    await this.hits.insertOne({ _id: id, key: bucket, at: now });
    const inWindow = await this.hits
      .find({ key: bucket, at: { $gt: windowStart } }, { projection: { at: 1 }, sort: { at: 1 } })
      .toArray();
    const oldest = inWindow[0]?.at ?? now;
    const timeToExpire = Math.max(0, Math.ceil((oldest.getTime() + ttl - now.getTime()) / 1000));
    const isBlocked = inWindow.length > limit;
    if (isBlocked) await this.hits.deleteOne({ _id: id });
    return {
      totalHits: inWindow.length,
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? timeToExpire : 0,
    };
  }
}

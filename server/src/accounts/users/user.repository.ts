import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Collection } from 'mongodb';
import { collectionOf } from '../../common/database/collections';
import { DistrictScopedCollection } from '../../common/database/district-scoped-collection';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { DATABASE } from '../../common/tokens';
import type { Database } from '../../database/database';
import type { UserDoc, UsernameClaim } from './user.document';

/** Queries over `users` (always within a district) and `usernames` (the global claims). */
@Injectable()
export class UserRepository implements OnModuleInit {
  readonly users: DistrictScopedCollection<UserDoc>;
  private readonly usernames: Collection<UsernameClaim>;

  constructor(@Inject(DATABASE) database: Database) {
    this.users = new DistrictScopedCollection(collectionOf<UserDoc>(database, 'users'));
    this.usernames = collectionOf<UsernameClaim>(database, 'usernames');
  }

  /** Who holds a role (assignment, notifications) and who belongs to a unit. */
  async onModuleInit(): Promise<void> {
    await this.users.collection.createIndex({ district: 1, roles: 1 });
    await this.users.collection.createIndex({ district: 1, unitId: 1 });
  }

  /** False when someone else holds the username (in any district). */
  async claimUsername(usernameKey: string, userId: string, district: string): Promise<boolean> {
    try {
      await this.usernames.insertOne({ _id: usernameKey, userId, district });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async releaseUsername(usernameKey: string, userId: string): Promise<void> {
    await this.usernames.deleteOne({ _id: usernameKey, userId });
  }

  /** The account a login name belongs to, found through its claim (two `_id` lookups). */
  async findByUsername(usernameKey: string): Promise<UserDoc | null> {
    const claim = await this.usernames.findOne({ _id: usernameKey });
    if (!claim) return null;
    return this.users.in(claim.district).findById(claim.userId);
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { collectionOf } from '../../common/database/collections';
import { DistrictScopedCollection } from '../../common/database/district-scoped-collection';
import { DATABASE } from '../../common/tokens';
import type { Database } from '../../database/database';
import type { UnitDoc } from './unit.document';

@Injectable()
export class UnitRepository implements OnModuleInit {
  readonly units: DistrictScopedCollection<UnitDoc>;

  constructor(@Inject(DATABASE) database: Database) {
    this.units = new DistrictScopedCollection(collectionOf<UnitDoc>(database, 'units'));
  }

  async onModuleInit(): Promise<void> {
    await this.units.collection.createIndex({ district: 1, name: 1 });
  }

  /** A unit that has not been deleted. */
  findActive(district: string, id: string): Promise<UnitDoc | null> {
    return this.units.in(district).findOne({ _id: id, deletedAt: { $exists: false } });
  }

  findActiveByName(district: string, name: string): Promise<UnitDoc | null> {
    return this.units.in(district).findOne({ name, deletedAt: { $exists: false } });
  }
}

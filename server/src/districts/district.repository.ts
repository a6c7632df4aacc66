import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import { collectionOf } from '../common/database/collections';
import { isDuplicateKey } from '../common/database/duplicate-key';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  type Page,
} from '../common/pagination/pagination';
import { DATABASE } from '../common/tokens';
import type { Database } from '../database/database';
import type { ClonedTemplate, DistrictDoc } from './district.document';

/** `districts` is platform-wide: the one collection not read through a district scope. */
@Injectable()
export class DistrictRepository {
  private readonly districts: Collection<DistrictDoc>;

  constructor(@Inject(DATABASE) database: Database) {
    this.districts = collectionOf<DistrictDoc>(database, 'districts');
  }

  findById(id: string): Promise<DistrictDoc | null> {
    return this.districts.findOne({ _id: id });
  }

  /** False when the code is taken. */
  async insert(doc: DistrictDoc): Promise<boolean> {
    try {
      await this.districts.insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async remove(id: string): Promise<void> {
    await this.districts.deleteOne({ _id: id });
  }

  async setClonedTemplates(id: string, templates: ClonedTemplate[], at: Date): Promise<void> {
    await this.districts.updateOne(
      { _id: id },
      { $set: { clonedTemplates: templates, updatedAt: at } },
    );
  }

  /** Congress districts in code order; the platform's own home is not one. */
  async list(query: { cursor?: string; limit?: number }): Promise<Page<DistrictDoc>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const docs = await this.districts
      .find(
        { kind: 'district', ...(after !== undefined && { _id: { $gt: after } }) },
        { sort: { _id: 1 }, limit: limit + 1 },
      )
      .toArray();
    const page: Page<DistrictDoc> = { items: docs.slice(0, limit) };
    if (docs.length > limit) page.nextCursor = encodeCursor(docs[limit - 1]._id);
    return page;
  }
}

import type {
  Collection,
  CountDocumentsOptions,
  Document,
  Filter,
  FindOptions,
  OptionalUnlessRequiredId,
  UpdateFilter,
  WithId,
} from 'mongodb';

/** Every record of a district-scoped collection names its district. */
export interface DistrictRecord extends Document {
  _id: string;
  district: string;
}

/** A query that would read or change records without naming their district — a bug, never input. */
export class DistrictScopeError extends Error {
  readonly code = 'DISTRICT_SCOPE_VIOLATION';
  constructor(message: string) {
    super(message);
    this.name = 'DistrictScopeError';
  }
}

/**
 * The only way services reach a district-scoped collection: `users.in(district)` returns a view
 * whose every filter, insert and update carries that district. A missing district, a filter naming
 * another district, or an update that would move a record between districts throws, so a
 * forgotten check in a controller can never leak another district's records: their ids simply
 * match nothing (→ 404).
 */
export class DistrictScopedCollection<T extends DistrictRecord> {
  constructor(readonly collection: Collection<T>) {}

  in(district: string): DistrictView<T> {
    if (typeof district !== 'string' || district.trim() === '') {
      throw new DistrictScopeError(
        `${this.collection.collectionName}: a district is required, got ${JSON.stringify(district)}`,
      );
    }
    return new DistrictView(this.collection, district);
  }
}

export class DistrictView<T extends DistrictRecord> {
  constructor(
    private readonly collection: Collection<T>,
    readonly district: string,
  ) {}

  /** The filter with the district added; refuses one that names a different district. */
  scope(filter: Filter<T> = {}): Filter<T> {
    const named = (filter as { district?: unknown }).district;
    if (named !== undefined && named !== this.district) {
      throw new DistrictScopeError(
        `${this.collection.collectionName}: filter names district ${JSON.stringify(named)} inside ${this.district}`,
      );
    }
    return { ...filter, district: this.district } as Filter<T>;
  }

  /**
   * By `_id` alone, then the district checked on the document: FerretDB (SQLite) answers an
   * `_id`-only filter inside SQLite but decodes every row for `{ _id, district }` — 15-50x slower
   * at 100,000 documents (docs/performance.md). Another district's document reads as missing.
   */
  async findById(id: string): Promise<WithId<T> | null> {
    const found = await this.collection.findOne({ _id: id } as Filter<T>);
    return found && (found as { district?: unknown }).district === this.district ? found : null;
  }

  findOne(filter: Filter<T>, options?: FindOptions): Promise<WithId<T> | null> {
    return this.collection.findOne(this.scope(filter), options);
  }

  find(filter: Filter<T> = {}, options?: FindOptions) {
    return this.collection.find(this.scope(filter), options);
  }

  count(filter: Filter<T> = {}, options?: CountDocumentsOptions): Promise<number> {
    return this.collection.countDocuments(this.scope(filter), options);
  }

  /** Inserts with this district; a document naming another district is refused. */
  async insertOne(doc: Omit<T, 'district'> & { district?: string }): Promise<void> {
    if (doc.district !== undefined && doc.district !== this.district) {
      throw new DistrictScopeError(
        `${this.collection.collectionName}: cannot insert a record of ${doc.district} into ${this.district}`,
      );
    }
    await this.collection.insertOne({
      ...doc,
      district: this.district,
    } as OptionalUnlessRequiredId<T>);
  }

  async updateOne(filter: Filter<T>, update: UpdateFilter<T>): Promise<{ matched: number }> {
    assertKeepsDistrict(this.collection.collectionName, update);
    const result = await this.collection.updateOne(this.scope(filter), update);
    return { matched: result.matchedCount };
  }

  async updateMany(filter: Filter<T>, update: UpdateFilter<T>): Promise<{ matched: number }> {
    assertKeepsDistrict(this.collection.collectionName, update);
    const result = await this.collection.updateMany(this.scope(filter), update);
    return { matched: result.matchedCount };
  }

  async deleteOne(filter: Filter<T>): Promise<{ deleted: number }> {
    const result = await this.collection.deleteOne(this.scope(filter));
    return { deleted: result.deletedCount };
  }

  async deleteMany(filter: Filter<T>): Promise<{ deleted: number }> {
    const result = await this.collection.deleteMany(this.scope(filter));
    return { deleted: result.deletedCount };
  }
}

function assertKeepsDistrict(collection: string, update: object): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (!operator.startsWith('$')) {
      throw new DistrictScopeError(`${collection}: replacement documents are not allowed`);
    }
    const touches =
      fields &&
      typeof fields === 'object' &&
      ('district' in fields ||
        (operator === '$rename' && Object.values(fields).includes('district')));
    if (touches) {
      throw new DistrictScopeError(`${collection}: ${operator} may not change the district`);
    }
  }
}

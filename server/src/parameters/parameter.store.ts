import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Clock } from '../../../engine/src';
import { isDuplicateKey } from '../workflow/mongo-errors';
import { WorkflowKitError } from '../workflow/workflow-kit.error';
import {
  checkValue,
  loadParameterDefinitions,
  type ParameterDefinition,
  type ParameterProblem,
} from './parameter-definitions';

/** A district's parameters: every key of the library, the district's value or the default. */
export type DistrictParameters = Record<string, unknown>;

export interface SavedParameters {
  version: number;
  values: DistrictParameters;
  /** Only the keys the district set itself (the rest are defaults). */
  overrides: DistrictParameters;
  savedAt?: Date;
  savedBy?: string;
}

interface ParametersDoc {
  /** `<district>:<version>`, append-only: each save is a new version, races end in a duplicate key. */
  _id: string;
  district: string;
  version: number;
  overrides: DistrictParameters;
  savedAt: Date;
  savedBy?: string;
}

/**
 * District parameters over the library's defaults. Saving validates every key and appends a
 * version, so what an instance started with (its `params` snapshot) can always be traced.
 */
export class ParameterStore {
  private readonly collection: Collection<ParametersDoc>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
    readonly definitions: readonly ParameterDefinition[] = loadParameterDefinitions(),
  ) {
    if (!connection.db) throw new Error('ParameterStore needs an open connection');
    this.collection = connection.db.collection<ParametersDoc>('parameters');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ district: 1, version: -1 }, { unique: true });
  }

  defaults(): DistrictParameters {
    return Object.fromEntries(this.definitions.map((d) => [d.key, structuredClone(d.default)]));
  }

  async get(district: string): Promise<DistrictParameters> {
    return (await this.saved(district)).values;
  }

  async saved(district: string): Promise<SavedParameters> {
    const doc = await this.collection.find({ district }).sort({ version: -1 }).limit(1).next();
    const overrides = doc?.overrides ?? {};
    // A key the library no longer defines is dropped; a new one takes its default.
    const values = this.defaults();
    for (const key of Object.keys(values))
      if (Object.hasOwn(overrides, key)) values[key] = overrides[key];
    return {
      version: doc?.version ?? 0,
      values,
      overrides,
      ...(doc && { savedAt: doc.savedAt }),
      ...(doc?.savedBy && { savedBy: doc.savedBy }),
    };
  }

  /** Every problem of a set of values, keyed by parameter. */
  check(values: Record<string, unknown>): ParameterProblem[] {
    const problems: ParameterProblem[] = [];
    for (const [key, value] of Object.entries(values)) {
      const definition = this.definitions.find((d) => d.key === key);
      if (!definition) problems.push({ key, message: '没有这个参数' });
      else for (const message of checkValue(definition, value)) problems.push({ key, message });
    }
    return problems;
  }

  /**
   * Saves the district's values (keys left out keep their defaults). With `expectedVersion`, a
   * save based on a version someone else replaced meanwhile is refused instead of overwriting it.
   */
  async put(
    district: string,
    values: Record<string, unknown>,
    options: { savedBy?: string; expectedVersion?: number } = {},
  ): Promise<SavedParameters> {
    const problems = this.check(values);
    if (problems.length > 0)
      throw new WorkflowKitError(
        'PARAMETERS_INVALID',
        `参数有 ${problems.length} 处问题`,
        problems,
      );
    const current = await this.saved(district);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.version)
      throw new WorkflowKitError('CONFLICT', '参数已被他人修改，请刷新后再保存');
    const version = current.version + 1;
    try {
      await this.collection.insertOne({
        _id: `${district}:${version}`,
        district,
        version,
        overrides: structuredClone(values),
        savedAt: this.clock.now(),
        ...(options.savedBy && { savedBy: options.savedBy }),
      });
    } catch (error) {
      if (isDuplicateKey(error))
        throw new WorkflowKitError('CONFLICT', '参数已被他人修改，请刷新后再保存');
      throw error;
    }
    return this.saved(district);
  }
}

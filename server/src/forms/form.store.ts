import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Clock, FormCatalog } from '../../../engine/src';
import { WorkflowKitError } from '../workflow/workflow-kit.error';
import { isDuplicateKey } from '../workflow/mongo-errors';
import { compileFormSchema, type CompiledForm } from './validation';

/** One published, immutable version of a form. */
export interface FormVersion {
  district: string;
  key: string;
  version: number;
  title: string;
  schema: Record<string, unknown>;
  reads: string[];
  writes: string[];
  anonymous: boolean;
  publishedAt: Date;
  publishedBy?: string;
}

export type FormSummary = Omit<FormVersion, 'schema' | 'district'>;

interface FormDoc extends Omit<FormVersion, 'schema'> {
  /** `<district>:<key>:<version>`: publishing races are settled by this unique insert. */
  _id: string;
  /** The schema as JSON text: Formily schemas may hold keys the wire protocol refuses. */
  schemaJson: string;
}

const FORM_KEY = /^[a-z][a-z0-9-]{0,62}$/;
const SUMMARY = { schemaJson: 0, district: 0 } as const;

/**
 * Forms per district, versioned: publishing makes version n+1 and never changes an old one, so
 * a task pinned to a version always validates against the schema it was shown with. It is also
 * the engine's FormCatalog: a deployment pins each form's current version.
 */
export class FormStore implements FormCatalog {
  private readonly collection: Collection<FormDoc>;
  private readonly compiled = new Map<string, CompiledForm>();

  constructor(
    connection: Connection,
    private readonly clock: Clock,
  ) {
    if (!connection.db) throw new Error('FormStore needs an open connection');
    this.collection = connection.db.collection<FormDoc>('forms');
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ district: 1, key: 1, version: -1 }, { unique: true });
  }

  /** Checks the schema (every problem at once) and publishes it as the next version. */
  async publish(
    district: string,
    key: string,
    schema: unknown,
    options: { publishedBy?: string } = {},
  ): Promise<FormVersion> {
    if (!FORM_KEY.test(key))
      throw new WorkflowKitError(
        'INVALID_ARGUMENT',
        `表单标识 “${key}” 只能由小写字母、数字和连字符组成`,
      );
    const compiled = compileFormSchema(schema);
    if (!compiled.ok)
      throw new WorkflowKitError(
        'FORM_SCHEMA_INVALID',
        `表单 “${key}” 有 ${compiled.problems.length} 处问题`,
        compiled.problems,
      );
    const { meta } = compiled.form;
    for (;;) {
      const version = ((await this.currentVersion(district, key)) ?? 0) + 1;
      const doc: FormDoc = {
        _id: `${district}:${key}:${version}`,
        district,
        key,
        version,
        title: meta.title,
        schemaJson: JSON.stringify(schema),
        reads: meta.reads,
        writes: meta.writes,
        anonymous: meta.anonymous,
        publishedAt: this.clock.now(),
        ...(options.publishedBy && { publishedBy: options.publishedBy }),
      };
      try {
        await this.collection.insertOne(doc);
        this.compiled.set(doc._id, compiled.form);
        return toVersion(doc);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // someone published this number first: take the next
      }
    }
  }

  async get(district: string, key: string, version: number): Promise<FormVersion> {
    const doc = await this.collection.findOne({ _id: `${district}:${key}:${version}` });
    if (!doc) throw new WorkflowKitError('NOT_FOUND', `表单 “${key}” 第 ${version} 版不存在`);
    return toVersion(doc);
  }

  async latest(district: string, key: string): Promise<FormVersion> {
    const doc = await this.collection.find({ district, key }).sort({ version: -1 }).limit(1).next();
    if (!doc) throw new WorkflowKitError('NOT_FOUND', `表单 “${key}” 不存在`);
    return toVersion(doc);
  }

  /** FormCatalog: the version a deployment made now would pin. */
  async currentVersion(district: string, key: string): Promise<number | undefined> {
    const doc = await this.collection
      .find({ district, key }, { projection: { version: 1 } })
      .sort({ version: -1 })
      .limit(1)
      .next();
    return doc?.version;
  }

  async versions(district: string, key: string): Promise<FormSummary[]> {
    const docs = await this.collection
      .find({ district, key }, { projection: SUMMARY })
      .sort({ version: -1 })
      .toArray();
    return docs.map(toSummary);
  }

  /** The latest version of every form of the district. */
  async list(district: string): Promise<FormSummary[]> {
    const docs = await this.collection
      .find({ district }, { projection: SUMMARY })
      .sort({ key: 1, version: -1 })
      .toArray();
    return docs.filter((doc, i) => i === 0 || docs[i - 1].key !== doc.key).map(toSummary);
  }

  /** The compiled schema of a version; versions never change, so it is compiled once. */
  async compiledForm(district: string, key: string, version: number): Promise<CompiledForm> {
    const id = `${district}:${key}:${version}`;
    const cached = this.compiled.get(id);
    if (cached) return cached;
    const form = await this.get(district, key, version);
    const compiled = compileFormSchema(form.schema);
    // A stored version passed these checks when it was published; failing now means the checks changed.
    if (!compiled.ok)
      throw new WorkflowKitError(
        'FORM_SCHEMA_INVALID',
        `表单 “${key}” 第 ${version} 版已不符合当前规则`,
        compiled.problems,
      );
    if (this.compiled.size > 1000)
      this.compiled.delete(this.compiled.keys().next().value as string);
    this.compiled.set(id, compiled.form);
    return compiled.form;
  }
}

function toVersion(doc: FormDoc): FormVersion {
  const { _id, schemaJson, ...rest } = doc;
  return { ...rest, schema: JSON.parse(schemaJson) as Record<string, unknown> };
}

function toSummary(doc: Partial<FormDoc>): FormSummary {
  return {
    key: doc.key!,
    version: doc.version!,
    title: doc.title!,
    reads: doc.reads ?? [],
    writes: doc.writes ?? [],
    anonymous: doc.anonymous ?? false,
    publishedAt: doc.publishedAt!,
    ...(doc.publishedBy && { publishedBy: doc.publishedBy }),
  };
}

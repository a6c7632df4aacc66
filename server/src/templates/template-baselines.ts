import type { Clock } from '../../../engine/src';
import { collectionOf } from '../common/database/collections';
import { DistrictScopedCollection } from '../common/database/district-scoped-collection';
import { isDuplicateKey } from '../common/database/duplicate-key';
import type { Database } from '../database/database';
import type { TemplateContent } from './template-diff';

/**
 * `template_baselines`: what each template version held when a district installed it, so that
 * `GET /templates/updates` can show what a newer version changes (the library keeps only its
 * current version). `_id` = `<district>:<template>:<version>`; written once, never changed.
 */
interface BaselineDoc {
  _id: string;
  district: string;
  key: string;
  version: number;
  /** As JSON text: element names and field titles are free text, kept out of document keys. */
  contentJson: string;
  recordedAt: Date;
}

export class TemplateBaselines {
  private readonly baselines: DistrictScopedCollection<BaselineDoc>;

  constructor(
    database: Database,
    private readonly clock: Clock,
  ) {
    this.baselines = new DistrictScopedCollection(
      collectionOf<BaselineDoc>(database, 'template_baselines'),
    );
  }

  async record(
    district: string,
    key: string,
    version: number,
    content: TemplateContent,
  ): Promise<void> {
    try {
      await this.baselines.in(district).insertOne({
        _id: `${district}:${key}:${version}`,
        key,
        version,
        contentJson: JSON.stringify(content),
        recordedAt: this.clock.now(),
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // recorded by an earlier install of this version
    }
  }

  async get(district: string, key: string, version: number): Promise<TemplateContent | undefined> {
    const doc = await this.baselines.in(district).findById(`${district}:${key}:${version}`);
    return doc ? (JSON.parse(doc.contentJson) as TemplateContent) : undefined;
  }

  async removeAll(district: string): Promise<void> {
    await this.baselines.in(district).deleteMany({});
  }
}

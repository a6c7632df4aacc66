import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GridFSBucket, type Collection } from 'mongodb';
import type { Readable } from 'node:stream';
import type { Clock } from '../../../engine/src';
import { collectionOf } from '../common/database/collections';
import { DistrictScopedCollection } from '../common/database/district-scoped-collection';
import { CLOCK, DATABASE } from '../common/tokens';
import type { Database } from '../database/database';
import type { FieldError } from '../forms';
import type { AttachmentPort, AttachmentTarget } from '../workflow/attachments.port';
import type { AttachmentDoc } from './attachment.document';

const DAY_MS = 86_400_000;

/** The files' records (`attachments`) and their bytes (GridFS bucket `files`, chunked). */
@Injectable()
export class AttachmentStore implements OnModuleInit, AttachmentPort {
  readonly records: DistrictScopedCollection<AttachmentDoc>;
  private readonly raw: Collection<AttachmentDoc>;
  readonly bucket: GridFSBucket;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.raw = collectionOf<AttachmentDoc>(database, 'attachments');
    this.records = new DistrictScopedCollection(this.raw);
    this.bucket = new GridFSBucket(database.connection.db!, { bucketName: 'files' });
  }

  async onModuleInit(): Promise<void> {
    await this.raw.createIndex({ district: 1, instanceId: 1 });
    await this.raw.createIndex({ status: 1, createdDay: 1 });
  }

  byId(district: string, id: string): Promise<AttachmentDoc | null> {
    return this.records.in(district).findById(id);
  }

  /** An instance's files, oldest first. */
  ofInstance(district: string, instanceId: string): Promise<AttachmentDoc[]> {
    return this.records
      .in(district)
      .find({ instanceId }, { sort: { createdAt: 1 } })
      .toArray();
  }

  open(id: string): Readable {
    return this.bucket.openDownloadStream(id as never);
  }

  async insert(doc: AttachmentDoc): Promise<void> {
    await this.records.in(doc.district).insertOne(doc);
  }

  /** Deletes the bytes, then the record (a record without bytes would promise a file). */
  async remove(doc: Pick<AttachmentDoc, '_id' | 'district'>): Promise<void> {
    await this.bucket.delete(doc._id as never).catch(() => undefined);
    await this.records.in(doc.district).deleteOne({ _id: doc._id });
  }

  async check(
    district: string,
    refs: { path: string; id: string }[],
    by: { userId: string; instanceId: string },
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    for (const ref of refs) {
      const doc = await this.byId(district, ref.id);
      const usable =
        doc !== null &&
        (doc.status === 'draft' ? doc.uploadedBy === by.userId : doc.instanceId === by.instanceId);
      if (!usable) problems.push({ path: ref.path, message: '附件不存在或无权使用，请重新上传' });
    }
    return problems;
  }

  async claim(district: string, ids: string[], to: AttachmentTarget): Promise<void> {
    if (ids.length === 0) return;
    await this.records.in(district).updateMany(
      { _id: { $in: ids }, status: 'draft' },
      {
        $set: {
          status: 'claimed',
          instanceId: to.instanceId,
          ...(to.taskId !== undefined && { taskId: to.taskId }),
          activityId: to.activityId,
          claimedAt: this.clock.now(),
        },
      },
    );
  }

  /**
   * Deletes the drafts uploaded before `before` and never claimed (a form left unsent), looking
   * them up by the day they were uploaded: the week before `before`, since each run cleans up
   * to its own day.
   */
  async removeStaleDrafts(before: Date): Promise<number> {
    const lastDay = Math.floor(before.getTime() / DAY_MS);
    let removed = 0;
    for (let day = lastDay - 7; day <= lastDay; day++) {
      const drafts = await this.raw.find({ status: 'draft', createdDay: day }).toArray();
      for (const draft of drafts)
        if (draft.createdAt.getTime() < before.getTime()) {
          await this.remove(draft);
          removed++;
        }
    }
    return removed;
  }
}

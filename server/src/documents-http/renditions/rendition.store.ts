import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GridFSBucket, type Collection } from 'mongodb';
import type { Clock } from '../../../../engine/src';
import { collectionOf } from '../../common/database/collections';
import { isDuplicateKey } from '../../common/database/duplicate-key';
import { CLOCK, DATABASE } from '../../common/tokens';
import type { Database } from '../../database/database';

export type RenditionFormat = 'pdf' | 'docx';

/** One generated file of a document: made once, then always the same bytes. */
export interface RenditionDoc {
  /** `<documentId>.<format>`: the unique id is what makes the first one stored the only one. */
  _id: string;
  district: string;
  documentId: string;
  format: RenditionFormat;
  /** The bytes, in the GridFS bucket `document_files`. */
  fileId: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

/**
 * The PDF and .docx of each official document, stored the first time someone asks for them, so
 * later downloads return what was downloaded first (no re-rendering with other fonts or another
 * template version). Two first requests at once may both render; the first record inserted wins
 * and the other's bytes are deleted, the race decided by the unique `_id` alone.
 */
@Injectable()
export class RenditionStore {
  private readonly records: Collection<RenditionDoc>;
  private readonly bucket: GridFSBucket;

  constructor(
    @Inject(DATABASE) database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.records = collectionOf<RenditionDoc>(database, 'document_files');
    this.bucket = new GridFSBucket(database.connection.db!, { bucketName: 'document_files' });
  }

  find(documentId: string, format: RenditionFormat): Promise<RenditionDoc | null> {
    return this.records.findOne({ _id: `${documentId}.${format}` });
  }

  /** The stored rendition, or `produce`'s bytes stored as it. */
  async findOrStore(
    district: string,
    documentId: string,
    format: RenditionFormat,
    produce: () => Promise<Buffer>,
  ): Promise<RenditionDoc> {
    const existing = await this.find(documentId, format);
    if (existing) return existing;
    const bytes = await produce();
    const fileId = randomUUID();
    await this.write(fileId, `${documentId}.${format}`, bytes);
    const record: RenditionDoc = {
      _id: `${documentId}.${format}`,
      district,
      documentId,
      format,
      fileId,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: this.clock.now(),
    };
    try {
      await this.records.insertOne(record);
      return record;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.bucket.delete(fileId as never).catch(() => undefined);
      return (await this.find(documentId, format))!;
    }
  }

  open(record: RenditionDoc): Readable {
    return this.bucket.openDownloadStream(record.fileId as never);
  }

  private write(fileId: string, filename: string, bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const upload = this.bucket.openUploadStreamWithId(fileId as never, filename);
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
  }
}

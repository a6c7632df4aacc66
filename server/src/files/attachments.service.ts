import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Logger } from 'pino';
import type { Clock } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { CLOCK, ROOT_LOGGER } from '../common/tokens';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { PollingLoop } from '../platform/polling-loop';
import { WorkflowAccess } from '../platform/workflow-access';
import type { WorkflowPlatform } from '../workflow';
import { type AttachmentDoc, type AttachmentRef, toAttachmentRef } from './attachment.document';
import { AttachmentStore } from './attachment.store';
import { receiveUpload, type UploadRequest } from './attachment-upload';
import { FILE_TYPES } from './file-types';

const DAY_MS = 86_400_000;
/** Beyond any district's own limit (parameter attachmentMaxMb, at most 200). */
const HARD_LIMIT_BYTES = 200 * 1_048_576;

/** An instance's file as its record lists it: where it came from too. */
export interface InstanceFile extends AttachmentRef {
  activityId?: string;
  uploadedBy: string;
  createdAt: Date;
}

/**
 * Uploading (a draft of its uploader), reading (the uploader's draft, or a file of an instance
 * the caller may see — the same rule as the instance), and cleaning up drafts a day old that no
 * submitted form named.
 */
@Injectable()
export class AttachmentsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly cleanup: PollingLoop;

  constructor(
    @Inject(AttachmentStore) private readonly store: AttachmentStore,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.cleanup = new PollingLoop(
      3_600_000,
      async () => {
        const removed = await this.removeStaleDrafts();
        if (removed > 0) logger.info({ removed }, 'unsent uploads removed');
        return false;
      },
      (error) => logger.error({ err: error }, 'removing unsent uploads failed'),
    );
  }

  onApplicationBootstrap(): void {
    this.cleanup.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.cleanup.stop();
  }

  async upload(caller: Caller, request: UploadRequest): Promise<AttachmentRef> {
    const params = await this.platform.parameters.get(caller.district);
    const maxMb = typeof params.attachmentMaxMb === 'number' ? params.attachmentMaxMb : 20;
    const allowed = Array.isArray(params.attachmentTypes)
      ? (params.attachmentTypes as string[])
      : FILE_TYPES.map((type) => type.key);
    const now = this.clock.now();
    const doc = await receiveUpload(
      request,
      this.store,
      { maxBytes: Math.min(maxMb * 1_048_576, HARD_LIMIT_BYTES), allowed },
      {
        district: caller.district,
        uploadedBy: caller.userId,
        createdAt: now,
        createdDay: Math.floor(now.getTime() / DAY_MS),
        status: 'draft',
      },
    );
    return toAttachmentRef(doc);
  }

  /** The file if the caller may read it; 404 alike for missing and forbidden. */
  async readable(caller: Caller, id: string): Promise<AttachmentDoc> {
    const doc = await this.store.byId(caller.district, id);
    if (!doc) throw AppError.notFound('附件');
    if (doc.status === 'draft') {
      if (doc.uploadedBy !== caller.userId) throw AppError.notFound('附件');
      return doc;
    }
    if (doc.uploadedBy === caller.userId) return doc;
    await this.access.visibleInstance(caller, doc.instanceId!).catch(() => {
      throw AppError.notFound('附件');
    });
    return doc;
  }

  open(doc: AttachmentDoc) {
    return this.store.open(doc._id);
  }

  async ofInstance(caller: Caller, instanceId: string): Promise<InstanceFile[]> {
    await this.access.visibleInstance(caller, instanceId);
    const docs = await this.store.ofInstance(caller.district, instanceId);
    return docs.map((doc) => ({
      ...toAttachmentRef(doc),
      ...(doc.activityId !== undefined && { activityId: doc.activityId }),
      uploadedBy: doc.uploadedBy,
      createdAt: doc.createdAt,
    }));
  }

  /** Uploads a day old that no submitted form or draft named. */
  removeStaleDrafts(): Promise<number> {
    return this.store.removeStaleDrafts(new Date(this.clock.now().getTime() - DAY_MS));
  }
}

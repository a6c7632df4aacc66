import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import type { DocumentRecord } from '../documents';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowAccess } from '../platform/workflow-access';
import { WorkflowRecords } from '../platform/workflow-records';
import { isWorkflowKitError, type WorkflowPlatform } from '../workflow';
import { DocumentRenderer, RENDITION_TYPES } from './renditions/document-renderer';
import { RenditionStore, type RenditionFormat } from './renditions/rendition.store';

export interface DocumentFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  open(): Readable;
}

/** A document is visible to whoever may see its instance (WorkflowAccess); others get 404. */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
    @Inject(RenditionStore) private readonly renditions: RenditionStore,
    @Inject(DocumentRenderer) private readonly renderer: DocumentRenderer,
  ) {}

  async html(caller: Caller, id: string): Promise<string> {
    return (await this.readable(caller, id)).html;
  }

  /** The document as PDF or .docx: the file stored on the first request, made then if need be. */
  async file(caller: Caller, id: string, format: RenditionFormat): Promise<DocumentFile> {
    const doc = await this.readable(caller, id);
    const stored = await this.renditions.findOrStore(doc.district, doc._id, format, () =>
      this.renderer.render(doc, format),
    );
    return {
      name: `${doc.title}.${format}`,
      contentType: RENDITION_TYPES[format],
      size: stored.size,
      sha256: stored.sha256,
      open: () => this.renditions.open(stored),
    };
  }

  private async readable(caller: Caller, id: string): Promise<DocumentRecord> {
    const doc = await this.platform.documents
      .get(caller.district, id)
      .catch((error: unknown) =>
        isWorkflowKitError(error, 'NOT_FOUND') ? null : Promise.reject(error),
      );
    const instance =
      doc && (await this.records.instances.in(caller.district).findById(doc.instanceId));
    if (!doc || !instance || !(await this.access.canSee(caller, instance)))
      throw AppError.notFound('公文');
    return doc;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowAccess } from '../platform/workflow-access';
import { WorkflowRecords } from '../platform/workflow-records';
import { isWorkflowKitError, type WorkflowPlatform } from '../workflow';

/** A document is visible to whoever may see its instance (WorkflowAccess); others get 404. */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) private readonly records: WorkflowRecords,
    @Inject(WorkflowAccess) private readonly access: WorkflowAccess,
  ) {}

  async html(caller: Caller, id: string): Promise<string> {
    const doc = await this.platform.documents
      .get(caller.district, id)
      .catch((error: unknown) =>
        isWorkflowKitError(error, 'NOT_FOUND') ? null : Promise.reject(error),
      );
    const instance =
      doc && (await this.records.instances.in(caller.district).findById(doc.instanceId));
    if (!doc || !instance || !(await this.access.canSee(caller, instance)))
      throw AppError.notFound('公文');
    return doc.html;
  }
}

import type { FieldError } from '../forms';

/** Where a submitted form's files go: its instance, the task (if any), the step. */
export interface AttachmentTarget {
  instanceId: string;
  taskId?: string;
  activityId: string;
}

/**
 * What the workflow kit needs of uploaded files (the files module implements it): checking that
 * a form names only files its sender may hand in, and tying them to the instance for good.
 */
export interface AttachmentPort {
  /**
   * Problems of the files named, by data path: no such file in the district, a draft someone else
   * uploaded, or a file of another instance.
   */
  check(
    district: string,
    refs: { path: string; id: string }[],
    by: { userId: string; instanceId: string },
  ): Promise<FieldError[]>;
  claim(district: string, ids: string[], to: AttachmentTarget): Promise<void>;
}

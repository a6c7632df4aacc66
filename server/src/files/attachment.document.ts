import type { DistrictRecord } from '../common/database/district-scoped-collection';

/**
 * `attachments`: one per uploaded file; the bytes are in the GridFS bucket `files` under the same
 * id. A file starts as a `draft` of its uploader; a submitted form that names it `claims` it for
 * its instance (and task). Drafts never claimed are deleted after a day.
 */
export interface AttachmentDoc extends DistrictRecord {
  name: string;
  size: number;
  contentType: string;
  typeKey: string;
  uploadedBy: string;
  createdAt: Date;
  /** The day number of createdAt (UTC), what the clean-up looks drafts up by. */
  createdDay: number;
  status: 'draft' | 'claimed';
  instanceId?: string;
  taskId?: string;
  /** The step the form belonged to ('start' for a start form). */
  activityId?: string;
  claimedAt?: Date;
}

/** What the API and the forms carry of a file. */
export interface AttachmentRef {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export function toAttachmentRef(doc: AttachmentDoc): AttachmentRef {
  return { id: doc._id, name: doc.name, size: doc.size, contentType: doc.contentType };
}

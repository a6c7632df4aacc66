import { ObjectId } from 'mongodb';

/**
 * A new record id: 24 hex digits that sort by creation time, so lists paged by `_id` come out
 * oldest first without a second sort key. Stored as a string: ids travel in URLs and JSON as is.
 */
export function newId(): string {
  return new ObjectId().toHexString();
}

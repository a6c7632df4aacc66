import type { Database } from '../database/database';
import type { WorkflowPlatform } from '../workflow';

/**
 * Undoes a template installation into a district whose creation failed (the clone wizard removes
 * the district, and its code may be used again): its deployments, forms and install records. The
 * workflow kit has no delete operation for them, so this names their collections; it runs only
 * for a district that never went live (no instance, task or job can exist there yet).
 */
export async function discardDistrictWorkflow(
  database: Database,
  platform: WorkflowPlatform,
  district: string,
): Promise<void> {
  const db = database.connection.db;
  if (!db) throw new Error('the database is not open');
  await platform.engine.store.deployments.deleteMany({ district });
  await db.collection('forms').deleteMany({ district });
  await db.collection('template_installs').deleteMany({ district });
}

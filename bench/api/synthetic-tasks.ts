import type { Db } from 'mongodb';
import type { TaskDoc } from '../../engine/src';
import { taskCopy } from './seed-world';

/**
 * `--storage-only`: open tasks written straight into `engine_tasks` without a server — copies of
 * a task document shaped as the engine writes it for `api/approval.bpmn` — for the storage
 * experiment alone (seconds instead of the full seed's minutes).
 */
export async function insertSyntheticTasks(
  db: Db,
  options: { districts: number; usersPerDistrict: number; tasks: number },
): Promise<{ code: string; userIds: string[] }[]> {
  const collection = db.collection<TaskDoc>('engine_tasks');
  const perDistrict = Math.floor(options.tasks / options.districts);
  const districts: { code: string; userIds: string[] }[] = [];
  for (let d = 0; d < options.districts; d++) {
    const code = `bench-${d}`;
    const userIds = Array.from({ length: options.usersPerDistrict }, (_, u) => `u-${d}-${u}`);
    const template: TaskDoc = {
      _id: 'template',
      instanceId: 'template',
      definitionId: `definition-${d}`,
      processKey: 'bench-approval',
      version: 1,
      activityId: 'review',
      executionId: 'template',
      district: code,
      name: '审核',
      formKey: 'bench-review',
      formVersion: 1,
      candidateUsers: [],
      candidateGroups: [],
      viewers: [],
      priority: 50,
      status: 'open',
      createdAt: new Date(),
      instanceRev: 1,
      processName: '审批（基准）',
      starter: userIds[0],
      changedAtRev: 1,
    };
    for (let start = 0; start < perDistrict; start += 1000) {
      const batch: TaskDoc[] = [];
      for (let i = start; i < Math.min(perDistrict, start + 1000); i++)
        batch.push(
          taskCopy(
            template,
            userIds.map((id) => ({ id })),
            d,
            i,
          ),
        );
      await collection.insertMany(batch, { ordered: false });
    }
    districts.push({ code, userIds });
  }
  return districts;
}

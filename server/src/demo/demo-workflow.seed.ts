import type { TaskActor } from '../../../engine/src';
import type { DistrictRepository } from '../districts/district.repository';
import type { PlatformJobs } from '../platform/platform-jobs';
import type { DemoSeedContext, DemoSeedStep } from '../seed/demo-seeder';
import type { TemplatesService } from '../templates/templates.service';
import { isWorkflowKitError, type WorkflowPlatform } from '../workflow';
import {
  DEMO_INQUIRY,
  DEMO_PARAMETERS,
  DEMO_REGISTRATION,
  DEMO_SUGGESTIONS,
  demoAssignment,
} from './demo-workflow-data';

interface Deps {
  platform: WorkflowPlatform;
  templates: TemplatesService;
  districts: DistrictRepository;
  jobs: PlatformJobs;
}

/** 示范区 gets every template of the library, recorded as cloned. */
export function installTemplatesStep(deps: Deps): DemoSeedStep {
  return {
    name: 'workflow-templates',
    async run({ district, platformAdminId, clock }: DemoSeedContext) {
      const keys = deps.templates.list().map((template) => template.key);
      const installed = await deps.templates.install(district, keys, platformAdminId);
      await deps.districts.setClonedTemplates(district, installed, clock.now());
    },
  };
}

/** 示范区's names on its documents, saved once (a district that changed them keeps its values). */
export function demoParametersStep(deps: Deps): DemoSeedStep {
  return {
    name: 'workflow-parameters',
    async run({ district }: DemoSeedContext) {
      const saved = await deps.platform.parameters.saved(district);
      if (saved.version > 0) return;
      await deps.platform.parameters
        .put(district, DEMO_PARAMETERS, { expectedVersion: 0 })
        // another server process seeding at the same moment saved them first
        .catch((error: unknown) => {
          if (!isWorkflowKitError(error, 'CONFLICT')) throw error;
        });
    },
  };
}

/**
 * A few instances in flight, so a newcomer's inbox is not empty: a suggestion waiting for
 * 代表工委's registration, one assigned to 区教育局, and a special inquiry whose plan the committee
 * drafts. Each is found by its business key before it is started, so a rerun after a crash
 * starts nothing twice.
 */
export function instancesInFlightStep(deps: Deps): DemoSeedStep {
  return {
    name: 'workflow-instances',
    async run({ district, users, units, clock }: DemoSeedContext) {
      const { platform } = deps;
      const started = (businessKey: string) =>
        platform.engine.store.instances.findOne({ district, businessKey });
      const deputy = users['deputy'];
      const affairs: TaskActor = { userId: users['deputyaffairs'], groups: ['deputyAffairs'] };
      for (const suggestion of DEMO_SUGGESTIONS) {
        if (await started(suggestion.businessKey)) continue;
        const instance = await platform.startInstance(
          district,
          'suggestion-handling',
          deputy,
          { ...suggestion.data, leadDeputy: deputy },
          { businessKey: suggestion.businessKey },
        );
        if (suggestion.stage !== 'assigned') continue;
        await completeAt(deps, instance._id, 'register', affairs, DEMO_REGISTRATION);
        const today = new Date(clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
        await completeAt(
          deps,
          instance._id,
          'assign',
          affairs,
          demoAssignment(units['区教育局'], today),
        );
      }
      const library = deps.templates.list().map((template) => template.key);
      if (library.includes('special-inquiry') && !(await started(DEMO_INQUIRY.businessKey)))
        await platform.startInstance(
          district,
          'special-inquiry',
          users['committee'],
          DEMO_INQUIRY.data,
          {
            businessKey: DEMO_INQUIRY.businessKey,
          },
        );
      await deps.jobs.drain();
    },
  };
}

async function completeAt(
  { platform, jobs }: Deps,
  instanceId: string,
  activityId: string,
  actor: TaskActor,
  data: Record<string, unknown>,
): Promise<void> {
  await jobs.drain();
  const open = await platform.engine.store.taskRepository.openOf(instanceId);
  const task = open.find((candidate) => candidate.activityId === activityId);
  if (!task) throw new Error(`demo seed: no open '${activityId}' task in ${instanceId}`);
  await platform.completeTask(task._id, actor, data);
}

import { Inject, Injectable } from '@nestjs/common';
import type { DeploymentProblem } from '../../../engine/src';
import type { Caller } from '../auth/caller';
import { AppError } from '../common/errors/app-error';
import { DIRECTORY } from '../directory/directory.token';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowRecords } from '../platform/workflow-records';
import type { Directory, WorkflowPlatform } from '../workflow';
import { readBpmnOutline } from './bpmn-outline';
import { DefinitionCatalog, type DeploymentSummary } from './definition-catalog';
import { mayStart } from './start-permission';

export interface DefinitionView {
  key: string;
  name?: string;
  version: number;
  active: boolean;
  deployedAt: Date;
  deployedBy?: string;
  forms: { key: string; version: number }[];
}

export interface StartableView {
  key: string;
  name?: string;
  version: number;
  startForm?: { key: string; version: number };
}

export interface ValidationView {
  problems: DeploymentProblem[];
  warnings: DeploymentProblem[];
}

/**
 * Process management (docs/api.md "Processes and forms") over the engine's deployments, each
 * query scoped to the caller's district: list, versions, XML, validate, deploy, (de)activate, and
 * what a user may start under the candidate-starter convention (start-permission.ts).
 */
@Injectable()
export class DefinitionsService {
  private readonly catalog: DefinitionCatalog;

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(DIRECTORY) private readonly directory: Directory,
    @Inject(WorkflowRecords) records: WorkflowRecords,
  ) {
    this.catalog = new DefinitionCatalog(records.deployments);
  }

  async list(district: string): Promise<DefinitionView[]> {
    return (await this.catalog.latestPerKey(district)).map(toView);
  }

  async versions(district: string, key: string): Promise<DefinitionView[]> {
    const versions = await this.catalog.versions(district, key);
    if (versions.length === 0) throw AppError.notFound('流程');
    return versions.map(toView);
  }

  async xml(district: string, key: string, version: string): Promise<string> {
    return (await this.version(district, key, version)).xml;
  }

  /** The latest active version of each process the caller may start, with its start form. */
  async startable(caller: Caller): Promise<StartableView[]> {
    const out: StartableView[] = [];
    for (const deployment of await this.catalog.latestPerKey(caller.district, { active: true })) {
      const outline = await this.catalog.outline(caller.district, deployment._id);
      if (!outline || !mayStart(caller, outline)) continue;
      const startForm = await this.platform.startForm(caller.district, deployment.key);
      out.push({
        key: deployment.key,
        ...(deployment.name && { name: deployment.name }),
        version: deployment.version,
        ...(startForm && { startForm }),
      });
    }
    return out;
  }

  /**
   * For `POST /instances`: the process's latest active version exists in the caller's district
   * (404 otherwise) and names the caller as a candidate starter (403 otherwise).
   */
  async assertMayStart(caller: Caller, processKey: string): Promise<void> {
    const latest = await this.catalog.latestActive(caller.district, processKey);
    if (!latest) throw AppError.notFound('流程');
    const outline = await this.catalog.outline(caller.district, latest._id);
    if (!outline || !mayStart(caller, outline)) throw AppError.forbidden('您不能发起该流程');
  }

  /** A dry run of deploy: every problem and warning, nothing stored. */
  async validate(district: string, xml: string): Promise<ValidationView> {
    const roleKeys = new Set(await this.directory.roleKeys(district));
    const report = await this.platform.engine.validateDefinition(xml, { district, roleKeys });
    const starters = await starterProblems(xml, roleKeys);
    return { problems: [...report.problems, ...starters], warnings: report.warnings };
  }

  /** Deploys version n+1; 400 DEPLOYMENT_INVALID with every problem otherwise. */
  async deploy(district: string, xml: string, by: string): Promise<DefinitionView> {
    const roleKeys = new Set(await this.directory.roleKeys(district));
    const starters = await starterProblems(xml, roleKeys);
    if (starters.length > 0) {
      const report = await this.platform.engine.validateDefinition(xml, { district, roleKeys });
      throw new AppError('DEPLOYMENT_INVALID', undefined, [...report.problems, ...starters]);
    }
    const deployment = await this.platform.engine.deploy(xml, {
      district,
      deployedBy: by,
      roleKeys,
    });
    return toView(deployment);
  }

  async setActive(
    district: string,
    key: string,
    version: string,
    active: boolean,
  ): Promise<DefinitionView> {
    const deployment = await this.version(district, key, version);
    await this.platform.engine.setDefinitionActive(deployment._id, active);
    return toView({ ...deployment, active });
  }

  handlers() {
    return this.platform.handlers();
  }

  private async version(district: string, key: string, version: string) {
    const deployment = /^[1-9]\d{0,8}$/.test(version)
      ? await this.catalog.version(district, key, Number(version))
      : null;
    if (!deployment) throw AppError.notFound('流程版本');
    return deployment;
  }
}

/** The candidate-starter convention: the role keys named must exist in the district. */
async function starterProblems(
  xml: string,
  roleKeys: ReadonlySet<string>,
): Promise<DeploymentProblem[]> {
  const outline = await readBpmnOutline(xml);
  if (!outline) return [];
  return outline.starterGroups
    .filter((group) => !roleKeys.has(group))
    .map((group) => ({
      elementId: outline.key,
      message: `camunda:candidateStarterGroups 中的角色 “${group}” 在本区县不存在`,
    }));
}

function toView(doc: DeploymentSummary): DefinitionView {
  return {
    key: doc.key,
    ...(doc.name && { name: doc.name }),
    version: doc.version,
    active: doc.active,
    deployedAt: doc.deployedAt,
    ...(doc.deployedBy && { deployedBy: doc.deployedBy }),
    forms: doc.formBindings.map(({ formKey, version }) => ({ key: formKey, version })),
  };
}

import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { WorkflowRecords } from '../platform/workflow-records';
import type { WorkflowPlatform } from '../workflow';
import type { MessageUse } from './bpmn-messages';
import { DefinitionCatalog, type DeploymentSummary } from './definition-catalog';
import { type ProcessForm, type ProcessVariable, processVariables } from './process-variables';

export interface ProcessVariablesView {
  key: string;
  name?: string;
  version: number;
  variables: ProcessVariable[];
}

export interface MessageNameView {
  name: string;
  uses: (Omit<MessageUse, 'name'> & {
    processKey: string;
    processName?: string;
    version: number;
  })[];
}

/**
 * What the process designer's pickers offer from the district's deployments: the variables of a
 * process a call activity calls, and the message names its processes wait for or send.
 */
@Injectable()
export class DefinitionReferencesService {
  private readonly catalog: DefinitionCatalog;

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(WorkflowRecords) records: WorkflowRecords,
  ) {
    this.catalog = new DefinitionCatalog(records.deployments);
  }

  /** By default the version a call activity runs: the latest active one (else the latest). */
  async variables(district: string, key: string, version?: number): Promise<ProcessVariablesView> {
    const deployment = await this.deployment(district, key, version);
    const outline = await this.catalog.outline(district, deployment._id);
    const forms: ProcessForm[] = [];
    for (const binding of deployment.formBindings) {
      // a pinned version always exists: forms are never deleted, versions never change
      const form = await this.platform.forms.compiledForm(
        district,
        binding.formKey,
        binding.version,
      );
      forms.push({ start: binding.formKey === outline?.startFormKey, form });
    }
    return {
      key: deployment.key,
      ...(deployment.name && { name: deployment.name }),
      version: deployment.version,
      variables: processVariables(forms),
    };
  }

  /** Every message name the latest version of each process uses, with where, by name. */
  async messages(district: string): Promise<MessageNameView[]> {
    const byName = new Map<string, MessageNameView>();
    for (const deployment of await this.catalog.latestPerKey(district)) {
      const outline = await this.catalog.outline(district, deployment._id);
      for (const { name, ...use } of outline?.messages ?? []) {
        let entry = byName.get(name);
        if (!entry) byName.set(name, (entry = { name, uses: [] }));
        entry.uses.push({
          processKey: deployment.key,
          ...(deployment.name && { processName: deployment.name }),
          version: deployment.version,
          ...use,
        });
      }
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  private async deployment(
    district: string,
    key: string,
    version?: number,
  ): Promise<DeploymentSummary> {
    if (version !== undefined) {
      const doc = await this.catalog.version(district, key, version);
      if (!doc) throw AppError.notFound('流程版本');
      return doc;
    }
    const found =
      (await this.catalog.latestActive(district, key)) ??
      (await this.catalog.versions(district, key))[0];
    if (!found) throw AppError.notFound('流程');
    return found;
  }
}

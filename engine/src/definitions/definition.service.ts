import { randomUUID } from 'node:crypto';
import type { AssignmentResolvers } from '../assignment';
import { validateDueSpec, validateTimer } from '../calendar';
import type { Clock } from '../clock';
import { type DeploymentProblem, parseBpmn, type ParsedProcess, validateBpmn } from '../deployment';
import { EngineError } from '../engine.error';
import { validateExpression } from '../expressions';
import type { HandlerRegistry } from '../handlers';
import { compileDefinition } from '../runtime/compiled-definition';
import type { LoadedDefinition } from '../runtime/loaded-definition';
import type { DeploymentDoc } from '../storage/documents';
import { type EngineStore, isDuplicateKey } from '../storage/engine-store';
import { toProcessModel } from './process-model.factory';

/** The host's forms: which version of a form is current in a district (pinned at deployment). */
export interface FormCatalog {
  currentVersion(district: string, formKey: string): Promise<number | undefined>;
}

export interface DeployOptions {
  district: string;
  deployedBy?: string;
  /** The district's role keys; candidate groups and role: references must be among them. */
  roleKeys?: ReadonlySet<string>;
}

export interface ValidationReport {
  problems: DeploymentProblem[];
  warnings: DeploymentProblem[];
  process?: ParsedProcess;
  formBindings: DeploymentDoc['formBindings'];
}

/** Deployments and versions: validate, deploy as version n+1, look up, activate. */
export class DefinitionService {
  /** Deployments are immutable (but for `active`), so a loaded definition never goes stale. */
  private readonly loaded = new Map<string, Promise<LoadedDefinition>>();

  constructor(
    private readonly store: EngineStore,
    private readonly handlers: HandlerRegistry,
    private readonly resolvers: AssignmentResolvers,
    private readonly clock: Clock,
    private readonly forms?: FormCatalog,
  ) {}

  /** A dry run: every problem at once, nothing stored. */
  async validate(xml: string, options: DeployOptions): Promise<ValidationReport> {
    const result = await validateBpmn(xml, {
      handlerTopics: this.handlers.topics(),
      assignmentPrefixes: this.resolvers.prefixes(),
      roleKeys: options.roleKeys,
      validateExpression,
      validateTimer: (kind, value) => validateTimer({ kind, value }),
      validateDueDate: validateDueSpec,
    });
    const problems = [...result.problems];
    const process = result.parsed?.processes.find((p) => p.isExecutable);
    const formBindings: DeploymentDoc['formBindings'] = [];
    if (process && this.forms) {
      for (const formKey of process.formKeys) {
        const version = await this.forms.currentVersion(options.district, formKey);
        if (version === undefined)
          problems.push({
            elementId: elementUsingForm(process, formKey),
            message: `form '${formKey}' does not exist in this district`,
          });
        else formBindings.push({ formKey, version });
      }
    }
    return { problems, warnings: result.warnings, process, formBindings };
  }

  async deploy(xml: string, options: DeployOptions): Promise<DeploymentDoc> {
    const report = await this.validate(xml, options);
    if (report.problems.length > 0 || !report.process) {
      throw new EngineError(
        'DEPLOYMENT_INVALID',
        `the process definition has ${report.problems.length} problem(s)`,
        report.problems,
      );
    }
    const key = report.process.key;
    for (;;) {
      const latest = await this.store.deployments
        .find({ district: options.district, key })
        .sort({ version: -1 })
        .limit(1)
        .next();
      const doc: DeploymentDoc = {
        _id: randomUUID(),
        key,
        version: (latest?.version ?? 0) + 1,
        district: options.district,
        ...(report.process.name && { name: report.process.name }),
        xml,
        formBindings: report.formBindings,
        active: true,
        deployedAt: this.clock.now(),
        ...(options.deployedBy && { deployedBy: options.deployedBy }),
      };
      try {
        await this.store.deployments.insertOne(doc);
        return doc;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // another deployment took this version number: take the next
      }
    }
  }

  async get(id: string): Promise<DeploymentDoc> {
    const doc = await this.store.deployments.findOne({ _id: id });
    if (!doc) throw new EngineError('NOT_FOUND', `deployment ${id} not found`);
    return doc;
  }

  /** The latest active version of a process in a district. */
  async latest(district: string, key: string): Promise<DeploymentDoc> {
    const doc = await this.store.deployments
      .find({ district, key, active: true })
      .sort({ version: -1 })
      .limit(1)
      .next();
    if (!doc) throw new EngineError('NOT_FOUND', `no active process '${key}' in this district`);
    return doc;
  }

  async versions(district: string, key: string): Promise<DeploymentDoc[]> {
    return this.store.deployments.find({ district, key }).sort({ version: -1 }).toArray();
  }

  async setActive(id: string, active: boolean): Promise<void> {
    const result = await this.store.deployments.updateOne({ _id: id }, { $set: { active } });
    if (result.matchedCount === 0) throw new EngineError('NOT_FOUND', `deployment ${id} not found`);
  }

  /** Deployment, compiled definition and element model, compiled once per process. */
  load(id: string): Promise<LoadedDefinition> {
    let entry = this.loaded.get(id);
    if (!entry) {
      entry = this.compile(id);
      entry.catch(() => this.loaded.delete(id));
      this.loaded.set(id, entry);
      if (this.loaded.size > 500) this.loaded.delete(this.loaded.keys().next().value as string);
    }
    return entry;
  }

  private async compile(id: string): Promise<LoadedDefinition> {
    const deployment = await this.get(id);
    const [compiled, parsed] = await Promise.all([
      compileDefinition(id, deployment.xml),
      parseBpmn(deployment.xml),
    ]);
    const process = parsed.processes.find((p) => p.isExecutable);
    if (!process) throw new EngineError('NOT_FOUND', `deployment ${id} has no executable process`);
    return { deployment, compiled, model: toProcessModel(process) };
  }
}

function elementUsingForm(process: ParsedProcess, formKey: string): string {
  return (
    process.userTasks.find((t) => t.formKey === formKey)?.id ??
    (process.startFormKey === formKey ? 'start' : '')
  );
}

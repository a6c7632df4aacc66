import {
  EngineError,
  type InstanceDoc,
  type ProcessEngine,
  type TaskActor,
  type TaskDoc,
} from '../../../engine/src';
import { randomUUID } from 'node:crypto';
import {
  attachmentRefsIn,
  type CompiledForm,
  type FieldError,
  type FormStore,
  validateFormData,
} from '../forms';
import type { ParameterStore } from '../parameters';
import type { BallotBox } from '../votes';
import type { AttachmentPort, AttachmentTarget } from './attachments.port';
import { WorkflowKitError } from './workflow-kit.error';

export interface StartOptions {
  businessKey?: string;
  /** Trusted values from calling code (never from a request body); the start form does not check them. */
  variables?: Record<string, unknown>;
}

export interface TaskView {
  task: TaskDoc;
  form?: { key: string; version: number; schema: Record<string, unknown>; anonymous: boolean };
  /** The variables the form reads (x-cf.reads), for the task page to show. */
  readOnly: Record<string, unknown>;
}

/**
 * What the HTTP layer calls instead of the engine where forms matter: starting with the start
 * form checked and the parameter snapshot added, and completing tasks — an anonymous ballot goes
 * into the ballot box and the engine only learns that the voter voted.
 */
export class PlatformOperations {
  constructor(
    private readonly deps: {
      engine: ProcessEngine;
      forms: FormStore;
      parameters: ParameterStore;
      ballots: BallotBox;
      /** Without it (tests of the kit alone), forms may name no uploaded files. */
      attachments?: AttachmentPort;
    },
  ) {}

  /**
   * Ties the files a form names to their instance, after checking the sender may hand each in;
   * before the engine acts, so that no submitted form ever names a file the draft clean-up could
   * still delete.
   */
  private async claimAttachments(
    form: CompiledForm,
    data: unknown,
    district: string,
    userId: string,
    target: AttachmentTarget,
  ): Promise<void> {
    const refs = attachmentRefsIn(form, data);
    if (refs.length === 0) return;
    const { attachments } = this.deps;
    const problems = attachments
      ? await attachments.check(district, refs, { userId, instanceId: target.instanceId })
      : refs.map((ref) => ({ path: ref.path, message: '附件不可用' }));
    if (problems.length > 0)
      throw new WorkflowKitError('VALIDATION_FAILED', '提交的数据有误', problems);
    await attachments!.claim(
      district,
      refs.map((ref) => ref.id),
      target,
    );
  }

  async startInstance(
    district: string,
    processKey: string,
    starter: string,
    data: Record<string, unknown>,
    options: StartOptions = {},
  ): Promise<InstanceDoc> {
    const { engine, parameters } = this.deps;
    const deployment = await engine.definitions.latest(district, processKey);
    const { model } = await engine.definitions.load(deployment._id);
    let errors: FieldError[] = [];
    let startForm: CompiledForm | undefined;
    if (model.startFormKey) {
      const pinned = deployment.formBindings.find((b) => b.formKey === model.startFormKey);
      const { compiled } = await this.form(district, model.startFormKey, pinned?.version);
      if (compiled.meta.anonymous)
        throw new WorkflowKitError('INVALID_ARGUMENT', '开始表单不能是匿名测评票');
      errors = validateFormData(compiled, data, { current: options.variables ?? {} });
      startForm = compiled;
    } else if (Object.keys(data).length > 0) {
      errors = [{ path: '', message: '该流程没有开始表单，不能提交数据' }];
    }
    if (errors.length > 0)
      throw new WorkflowKitError('VALIDATION_FAILED', '提交的数据有误', errors);
    // the id is chosen first so that the start form's files can be tied to the instance
    const instanceId = randomUUID();
    if (startForm)
      await this.claimAttachments(startForm, data, district, starter, {
        instanceId,
        activityId: 'start',
      });
    return engine.startInstance({
      instanceId,
      processKey,
      district,
      starter,
      ...(options.businessKey !== undefined && { businessKey: options.businessKey }),
      // params last: the snapshot is the platform's, whatever the data holds
      variables: { ...options.variables, ...data, params: await parameters.get(district) },
    });
  }

  async completeTask(
    taskId: string,
    actor: TaskActor,
    data: Record<string, unknown>,
    read?: TaskDoc,
  ): Promise<void> {
    const { engine, ballots } = this.deps;
    // the engine decides on the task as its step reads it; this only picks the form
    const task = read?._id === taskId ? read : await engine.tasks.get(taskId);
    if (task.formKey) {
      const { compiled } = await this.form(task.district, task.formKey, task.formVersion);
      if (compiled.meta.anonymous) {
        assertMayCast(task, actor);
        const current = (await engine.getInstance(task.instanceId)).variables;
        const errors = validateFormData(compiled, data, { current });
        if (errors.length > 0)
          throw new WorkflowKitError('VALIDATION_FAILED', '测评票填写有误', errors);
        await ballots.cast(
          {
            taskId,
            instanceId: task.instanceId,
            activityId: task.activityId,
            district: task.district,
          },
          data,
        );
        // the engine sees that the voter voted, never how
        return engine.tasks.complete(taskId, actor, {});
      }
      await this.claimAttachments(compiled, data, task.district, actor.userId, {
        instanceId: task.instanceId,
        taskId,
        activityId: task.activityId,
      });
    }
    return engine.tasks.complete(taskId, actor, data);
  }

  async saveDraft(taskId: string, actor: TaskActor, draft: Record<string, unknown>): Promise<void> {
    const { engine } = this.deps;
    const task = await engine.tasks.get(taskId);
    if (task.formKey) {
      const { compiled } = await this.form(task.district, task.formKey, task.formVersion);
      if (compiled.meta.anonymous)
        throw new WorkflowKitError(
          'INVALID_ARGUMENT',
          '测评票不能暂存（暂存的内容会与投票人关联）',
        );
      // a draft's files must outlive the clean-up of unsent uploads too
      await this.claimAttachments(compiled, draft, task.district, actor.userId, {
        instanceId: task.instanceId,
        taskId,
        activityId: task.activityId,
      });
    }
    return engine.tasks.saveDraft(taskId, actor, draft);
  }

  async describeTask(taskId: string): Promise<TaskView> {
    const { engine, forms } = this.deps;
    const task = await engine.tasks.get(taskId);
    if (!task.formKey) return { task, readOnly: {} };
    const { version } = await this.form(task.district, task.formKey, task.formVersion);
    const form = await forms.get(task.district, task.formKey, version);
    const variables = (await engine.getInstance(task.instanceId)).variables;
    const readOnly = Object.fromEntries(
      form.reads
        .filter((name) => Object.hasOwn(variables, name))
        .map((name) => [name, variables[name]]),
    );
    return {
      task,
      form: {
        key: form.key,
        version: form.version,
        schema: form.schema,
        anonymous: form.anonymous,
      },
      readOnly,
    };
  }

  /** The start form of the latest active version of a process (for GET /definitions/startable). */
  async startForm(
    district: string,
    processKey: string,
  ): Promise<{ key: string; version: number } | undefined> {
    const { engine, forms } = this.deps;
    const deployment = await engine.definitions.latest(district, processKey);
    const key = (await engine.definitions.load(deployment._id)).model.startFormKey;
    if (!key) return undefined;
    const version =
      deployment.formBindings.find((b) => b.formKey === key)?.version ??
      (await forms.currentVersion(district, key));
    return version === undefined ? undefined : { key, version };
  }

  /** A task's pinned form version (or the current one when none was pinned), compiled. */
  private async form(district: string, key: string, version: number | undefined) {
    const pinned = version ?? (await this.deps.forms.currentVersion(district, key));
    if (pinned === undefined) throw new WorkflowKitError('NOT_FOUND', `表单 “${key}” 不存在`);
    return { version: pinned, compiled: await this.deps.forms.compiledForm(district, key, pinned) };
  }
}

/** Mirrors the engine's rule (assignee, or a candidate of an unclaimed task) before a ballot is cast. */
function assertMayCast(task: TaskDoc, actor: TaskActor): void {
  if (task.status !== 'open')
    throw new EngineError('CONFLICT', `task ${task._id} is already ${task.status}`);
  const candidate =
    task.candidateUsers.includes(actor.userId) ||
    task.candidateGroups.some((g) => actor.groups.includes(g));
  if (task.assignee === actor.userId || (!task.assignee && candidate)) return;
  throw new EngineError('FORBIDDEN', `user ${actor.userId} may not work on task ${task._id}`);
}

import type {
  FieldError,
  TaskDataValidator,
  TaskDoc,
  ValidationContext,
} from '../../../engine/src';
import type { FormStore } from './form.store';
import { validateFormData } from './validation';

export interface FormTaskValidatorDeps {
  forms: FormStore;
  /** Whether the ballot of an anonymous task went into the ballot box. */
  ballotCast(taskId: string): Promise<boolean>;
}

/**
 * The engine's check of task data against the task's pinned form version. An anonymous ballot
 * form accepts only empty data after its ballot was cast: whoever completes such a task around
 * the ballot box (and so would put the marks into variables and history) is refused.
 */
export class FormTaskDataValidator implements TaskDataValidator {
  constructor(private readonly deps: FormTaskValidatorDeps) {}

  async validate(
    task: TaskDoc,
    data: Record<string, unknown>,
    context: ValidationContext,
  ): Promise<FieldError[]> {
    if (!task.formKey) return [];
    const version =
      task.formVersion ?? (await this.deps.forms.currentVersion(task.district, task.formKey));
    if (version === undefined) return [{ path: '', message: `表单 “${task.formKey}” 不存在` }];
    const form = await this.deps.forms.compiledForm(task.district, task.formKey, version);
    if (form.meta.anonymous) {
      if (Object.keys(data).length > 0 || !(await this.deps.ballotCast(task._id)))
        return [{ path: '', message: '匿名测评票只能通过投票箱提交' }];
      return [];
    }
    // read-only fields are compared with the variables the deciding step holds
    return validateFormData(form, data, { current: context.variables });
  }
}

import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, isApiError, type FieldError } from '../../../shared/api';
import { useErrorMessage } from '../../../shared/errors';
import { applyServerErrors } from '../../../shared/form-components';
import { useT } from '../../../shared/i18n';
import { writableValues, type TaskForm } from '../form/useTaskForm';
import type { TaskAction } from '../task-types';
import '../task-messages';
import type { DelegateInput } from './DelegateModal';
import type { ReturnInput } from './ReturnModal';

interface Options {
  taskId: string;
  taskForm: TaskForm;
  /** server field errors that match no field of the form */
  onUnmatchedErrors: (errors: FieldError[]) => void;
  /** the task changed: load it again */
  onReload: () => void;
  /** something was recorded in the history (comment, reminder) */
  onHistoryChanged: () => void;
  /** the form's values are stored (`leaving`: the page is being left on purpose) */
  onSaved: (leaving: boolean) => void;
}

/** Every task action as a call: the request, its success message and where to go next. */
export function useTaskActions(options: Options) {
  const { taskId, taskForm, onUnmatchedErrors, onReload, onHistoryChanged, onSaved } = options;
  const t = useT();
  const describe = useErrorMessage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<TaskAction | null>(null);
  const path = `/tasks/${encodeURIComponent(taskId)}`;

  const run = useCallback(
    async (action: TaskAction, call: () => Promise<unknown>): Promise<unknown> => {
      setBusy(action);
      try {
        const result = await call();
        message.success(t(`task.done.${action}`));
        return result ?? true;
      } catch (error) {
        if (isApiError(error, 409)) {
          message.warning(t('task.conflict'));
          onReload();
        } else if (isApiError(error, 400) && error.fieldErrors.length > 0) {
          const unmatched = applyServerErrors(taskForm.form, error.fieldErrors);
          onUnmatchedErrors(unmatched);
          message.error(t('task.validationFailed', { count: error.fieldErrors.length }));
        } else {
          message.error(describe(error));
        }
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [message, t, describe, onReload, taskForm.form, onUnmatchedErrors],
  );

  const data = () => writableValues(taskForm.form, taskForm.readOnlyKeys);

  return {
    busy,
    complete: async () => {
      onUnmatchedErrors([]);
      if (await run('complete', () => api.post(`${path}/complete`, { data: data() }))) {
        onSaved(true);
        navigate('/inbox');
      }
    },
    saveDraft: async () => {
      if (await run('draft', () => api.put(`${path}/draft`, { data: data() }))) onSaved(false);
    },
    claim: async () => {
      if (await run('claim', () => api.post(`${path}/claim`))) onReload();
    },
    unclaim: async () => {
      if (await run('unclaim', () => api.post(`${path}/unclaim`))) navigate('/inbox/claimable');
    },
    retrieve: async () => {
      // the answer names the task opened again for the caller (docs/api.md: `{ taskId? }`)
      const result = await run('retrieve', () =>
        api.post<{ taskId?: string } | undefined>(`${path}/retrieve`),
      );
      const next =
        result &&
        typeof result === 'object' &&
        typeof (result as { taskId?: unknown }).taskId === 'string'
          ? (result as { taskId: string }).taskId
          : undefined;
      if (next && next !== taskId) navigate(`/tasks/${encodeURIComponent(next)}`);
      else if (result) onReload();
    },
    delegate: async (input: DelegateInput) => {
      const ok = await run('delegate', () =>
        api.post(`${path}/delegate`, {
          userId: input.userId,
          reason: input.reason?.trim() || undefined,
        }),
      );
      if (ok) {
        onSaved(true);
        navigate('/inbox');
      }
      return Boolean(ok);
    },
    returnTask: async (input: ReturnInput) => {
      const ok = await run('return', () =>
        api.post(`${path}/return`, {
          targetActivityId: input.targetActivityId,
          targetElement: input.targetElement,
          reason: input.reason.trim(),
        }),
      );
      if (ok) {
        onSaved(true);
        navigate('/inbox');
      }
      return Boolean(ok);
    },
    comment: async (text: string) => {
      const ok = await run('comment', () => api.post(`${path}/comment`, { text }));
      if (ok) onHistoryChanged();
      return Boolean(ok);
    },
    remind: async (text: string) => {
      const ok = await run('remind', () =>
        api.post(`${path}/remind`, { message: text || undefined }),
      );
      if (ok) onHistoryChanged();
      return Boolean(ok);
    },
  };
}

export type TaskActions = ReturnType<typeof useTaskActions>;

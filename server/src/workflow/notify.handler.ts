import type { AssignmentContext, ServiceHandler } from '../../../engine/src';
import { NOTIFICATION_KINDS, type NotificationKind, type Notifier } from './notifier.port';
import { WorkflowKitError } from './workflow-kit.error';

export interface NotifyDeps {
  notifier: Notifier;
  /** Resolves one `prefix:argument` reference through the engine's resolvers. */
  resolve(reference: string, context: AssignmentContext): Promise<string[]>;
}

/** `notify`: tells users found by the same references assignments use (`role:office`, `starter`, ...). */
export function notifyHandler(deps: NotifyDeps): ServiceHandler {
  return {
    topic: 'notify',
    description:
      '发送通知：to 可写 role:角色、starter、var:变量、unit:变量、user:用户 或用户 id，多个用逗号分隔',
    parameters: [
      { name: 'to', description: '接收人：引用列表（逗号分隔）或用户 id 列表', required: true },
      { name: 'kind', description: `通知类别：${NOTIFICATION_KINDS.join('、')}`, required: true },
      { name: 'title', description: '通知标题（可用 FEEL 拼接）', required: true },
      { name: 'message', description: '通知正文（可选）' },
    ],
    async execute({ parameters, variables, instance, activityId, executionId }) {
      const kind = parameters.kind as NotificationKind;
      if (!NOTIFICATION_KINDS.includes(kind))
        throw new WorkflowKitError(
          'INVALID_ARGUMENT',
          `notify 的 kind 应为 ${NOTIFICATION_KINDS.join('、')} 之一`,
        );
      if (typeof parameters.title !== 'string' || parameters.title.trim() === '')
        throw new WorkflowKitError('INVALID_ARGUMENT', 'notify 缺少参数 title');
      const context: AssignmentContext = {
        district: instance.district,
        ...(instance.starter && { starter: instance.starter }),
        variables: { ...variables },
      };
      const users = new Set<string>();
      for (const reference of referencesOf(parameters.to)) {
        const found = isReference(reference) ? await deps.resolve(reference, context) : [reference];
        found.forEach((user) => users.add(user));
      }
      if (users.size === 0) return; // nobody holds the role (yet): nothing to send
      await deps.notifier.notify({
        key: `${instance.id}:${executionId}`,
        district: instance.district,
        userIds: [...users],
        kind,
        title: parameters.title,
        ...(typeof parameters.message === 'string' &&
          parameters.message && { message: parameters.message }),
        instanceId: instance.id,
        activityId,
        processKey: instance.processKey,
        ...(instance.businessKey !== undefined && { businessKey: instance.businessKey }),
      });
    },
  };
}

function referencesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,，]/) : [];
  const references = list.map((entry) => String(entry).trim()).filter(Boolean);
  if (references.length === 0) throw new WorkflowKitError('INVALID_ARGUMENT', 'notify 缺少参数 to');
  return references;
}

function isReference(text: string): boolean {
  return text === 'starter' || /^[a-z]+:/.test(text);
}

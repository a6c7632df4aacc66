import type { Clock, ServiceHandler } from '../../../engine/src';
import { listParameter } from '../workflow/handler-parameters';
import { WorkflowKitError } from '../workflow/workflow-kit.error';
import type { DocumentStore } from './document.store';
import type { DocumentTemplates } from './document-templates';

export interface DocumentRenderDeps {
  templates: DocumentTemplates;
  documents: DocumentStore;
  clock: Clock;
  /** Display names for whichever of the ids are the district's users or units. */
  names(district: string, ids: readonly string[]): Promise<Record<string, string>>;
  params(
    district: string,
    variables: Readonly<Record<string, unknown>>,
  ): Promise<Record<string, unknown>>;
}

/**
 * `document.render`: renders an official document from the instance variables and parameters and
 * attaches it to the instance. The document id is the service task's activation, so running the
 * handler again returns the document already stored instead of a second one.
 */
export function documentRenderHandler(deps: DocumentRenderDeps): ServiceHandler {
  return {
    topic: 'document.render',
    description: '按模板生成公文（A4 打印版），附在流程实例上',
    parameters: [
      {
        name: 'template',
        description: '公文模板标识（processes/documents/<key>.hbs）',
        required: true,
      },
      { name: 'title', description: '公文标题（可用 FEEL 拼接）', required: true },
      { name: 'number', description: '文号，如 ××人大常委会交〔2026〕12号' },
      { name: 'recipients', description: '主送机关：一个名称或名称列表' },
      { name: 'resultVariable', description: '保存公文编号的流程变量名（可选）' },
    ],
    async execute({ parameters, variables, instance, activityId, executionId }) {
      const template = text(parameters.template, 'template');
      const title = text(parameters.title, 'title');
      if (!deps.templates.has(template))
        throw new WorkflowKitError('NOT_FOUND', `公文模板 “${template}” 不存在`);
      const id = `${instance.id}:${executionId}`;
      const existing = await deps.documents.find(id);
      const resultVariable = optionalText(parameters.resultVariable);
      const result = (documentId: string) =>
        resultVariable ? { [resultVariable]: documentId } : {};
      if (existing) return result(existing._id);

      const params = await deps.params(instance.district, variables);
      const names = await deps.names(instance.district, candidateIds(variables));
      const now = deps.clock.now();
      const number = optionalText(parameters.number);
      const html = deps.templates.render(template, {
        title,
        ...(number && { number }),
        organ: String(params.issuingOrgan ?? ''),
        date: now.toISOString(),
        recipients: recipientsOf(parameters.recipients),
        vars: { ...variables },
        names,
        params,
        instance: {
          id: instance.id,
          processKey: instance.processKey,
          businessKey: instance.businessKey,
        },
      });
      const saved = await deps.documents.save({
        _id: id,
        district: instance.district,
        instanceId: instance.id,
        activityId,
        key: template,
        title,
        ...(number && { number }),
        html,
        createdAt: now,
      });
      return result(saved._id);
    },
  };
}

/**
 * Short strings anywhere in the variables: forms store people and units as directory ids, and the
 * template prints their names through `names`. Bounded so a huge variable cannot flood the lookup.
 */
function candidateIds(variables: Readonly<Record<string, unknown>>, limit = 500): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (found.size >= limit || depth > 6) return;
    if (typeof value === 'string') {
      if (value.length > 0 && value.length <= 64) found.add(value);
    } else if (Array.isArray(value)) value.forEach((item) => visit(item, depth + 1));
    else if (value && typeof value === 'object')
      Object.values(value).forEach((item) => visit(item, depth + 1));
  };
  visit(variables, 0);
  return [...found];
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new WorkflowKitError('INVALID_ARGUMENT', `document.render 缺少参数 ${name}`);
  return value;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** 主送机关: a list of names (from FEEL or JSON text), or one name. */
function recipientsOf(value: unknown): string | string[] | undefined {
  const list = listParameter(value);
  if (list) return list.length > 0 ? list.map(String) : undefined;
  return typeof value === 'string' ? value : undefined;
}

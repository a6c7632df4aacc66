import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import type { FormSummary, FormVersion, SchemaProblem } from '../forms';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import { isWorkflowKitError, WorkflowKitError, type WorkflowPlatform } from '../workflow';

export interface FormSummaryView {
  key: string;
  title: string;
  version: number;
  publishedAt: Date;
  publishedBy?: string;
}

export interface FormVersionView extends FormSummaryView {
  schema: Record<string, unknown>;
  reads: string[];
  writes: string[];
}

export interface FormDetailView {
  key: string;
  versions: FormSummaryView[];
  latest: { version: number; schema: Record<string, unknown> };
}

/**
 * Form management (docs/api.md "Processes and forms") over the workflow kit's FormStore, whose
 * every query names the district. Publishing checks the schema with the kit's publish checks;
 * the problems come back with paths into the request body (`schema.properties.x…`).
 */
@Injectable()
export class FormsService {
  constructor(@Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform) {}

  async list(district: string): Promise<FormSummaryView[]> {
    return (await this.platform.forms.list(district)).map((form) => summary(form));
  }

  async detail(district: string, key: string): Promise<FormDetailView> {
    const versions = await this.platform.forms.versions(district, key);
    if (versions.length === 0) throw AppError.notFound('表单');
    const latest = await this.platform.forms.get(district, key, versions[0].version);
    return {
      key,
      versions: versions.map((form) => summary(form)),
      latest: { version: latest.version, schema: latest.schema },
    };
  }

  async version(district: string, key: string, version: string): Promise<FormVersionView> {
    if (!/^[1-9]\d{0,8}$/.test(version)) throw AppError.notFound('表单版本');
    try {
      return full(await this.platform.forms.get(district, key, Number(version)));
    } catch (error) {
      // the kit's message names the key and version; ours names neither (docs/api.md, 404)
      if (isWorkflowKitError(error, 'NOT_FOUND')) throw AppError.notFound('表单版本');
      throw error;
    }
  }

  async publish(
    district: string,
    key: string,
    body: { schema: Record<string, unknown>; title?: string },
    by: string,
  ): Promise<FormVersionView> {
    const schema = body.title === undefined ? body.schema : withTitle(body.schema, body.title);
    try {
      return full(await this.platform.forms.publish(district, key, schema, { publishedBy: by }));
    } catch (error) {
      if (isWorkflowKitError(error, 'FORM_SCHEMA_INVALID'))
        throw new WorkflowKitError('FORM_SCHEMA_INVALID', error.message, bodyPaths(error.details));
      throw error;
    }
  }
}

function withTitle(schema: Record<string, unknown>, title: string): Record<string, unknown> {
  const cf = schema['x-cf'];
  const meta = typeof cf === 'object' && cf !== null && !Array.isArray(cf) ? cf : {};
  return { ...schema, 'x-cf': { ...meta, title } };
}

/** Schema problems as paths into the request body `{ schema, title }`. */
function bodyPaths(details: unknown): { path: string; message: string }[] {
  return ((details ?? []) as SchemaProblem[]).map(({ path, message }) => ({
    path: path === '' ? 'schema' : path.startsWith('[') ? `schema${path}` : `schema.${path}`,
    message,
  }));
}

function summary(form: FormSummary | FormVersion): FormSummaryView {
  return {
    key: form.key,
    title: form.title,
    version: form.version,
    publishedAt: form.publishedAt,
    ...(form.publishedBy && { publishedBy: form.publishedBy }),
  };
}

function full(form: FormVersion): FormVersionView {
  return { ...summary(form), schema: form.schema, reads: form.reads, writes: form.writes };
}

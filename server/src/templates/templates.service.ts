import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '../../../engine/src';
import { AppError, type FieldProblem } from '../common/errors/app-error';
import { CLOCK, DATABASE } from '../common/tokens';
import type { Database } from '../database/database';
import type { ClonedTemplate } from '../districts/district.document';
import { DistrictRepository } from '../districts/district.repository';
import type { TemplateInstaller } from '../districts/template-installer.port';
import { WORKFLOW_PLATFORM } from '../platform/platform.tokens';
import type { InstallReport, TemplateSummary, WorkflowPlatform } from '../workflow';
import { TemplateBaselines } from './template-baselines';
import { TemplateContents } from './template-content';
import { diffTemplate, type TemplateDiff } from './template-diff';
import { discardDistrictWorkflow } from './workflow-cleanup';

export interface TemplateUpdate {
  key: string;
  name: string;
  from: number;
  to: number;
  /** Null when the installed version's content was not recorded (installed before baselines). */
  diff: TemplateDiff | null;
}

export type AppliedUpdate = InstallReport['templates'][number] & { from: number };

/**
 * The template library for districts: the list, installation into a district (the clone wizard's
 * `TemplateInstaller`, registered by TemplatesModule), and updates — a library version newer than
 * the district installed, its difference, and bringing it in as new versions. Every install
 * records what the version held (TemplateBaselines), which is what a later diff starts from.
 */
@Injectable()
export class TemplatesService implements TemplateInstaller {
  private readonly baselines: TemplateBaselines;
  private readonly contents: TemplateContents;

  constructor(
    @Inject(WORKFLOW_PLATFORM) private readonly platform: WorkflowPlatform,
    @Inject(DistrictRepository) private readonly districts: DistrictRepository,
    @Inject(DATABASE) private readonly database: Database,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.baselines = new TemplateBaselines(database, clock);
    this.contents = new TemplateContents(platform.templates);
  }

  list(): TemplateSummary[] {
    return this.platform.templates.list();
  }

  /** TemplateInstaller: unknown keys, with their place in the request. */
  async check(keys: string[]): Promise<FieldProblem[]> {
    return keys.flatMap((key, index) =>
      this.platform.templates.entries.has(key)
        ? []
        : [{ path: `templates[${index}]`, message: '模板不存在' }],
    );
  }

  /** TemplateInstaller: installs (dependencies first) and answers every template installed. */
  async install(district: string, keys: string[], by: string): Promise<ClonedTemplate[]> {
    const report = await this.installAndRecord(district, keys, by);
    return report.templates.map(({ key, version }) => ({ key, version }));
  }

  /** TemplateInstaller: removes what a failed district creation installed. */
  async discard(district: string): Promise<void> {
    await this.baselines.removeAll(district);
    await discardDistrictWorkflow(this.database, this.platform, district);
  }

  async updates(district: string): Promise<TemplateUpdate[]> {
    const updates: TemplateUpdate[] = [];
    for (const installed of await this.platform.templates.installed(district)) {
      const current = this.platform.templates.entries.get(installed.key);
      if (!current || current.version <= installed.version) continue;
      const baseline = await this.baselines.get(district, installed.key, installed.version);
      updates.push({
        key: current.key,
        name: current.name,
        from: installed.version,
        to: current.version,
        diff: baseline ? diffTemplate(baseline, await this.contents.of(current)) : null,
      });
    }
    return updates;
  }

  /** Brings the library's newer version in: forms and processes that differ become new versions. */
  async applyUpdate(district: string, key: string, by: string): Promise<AppliedUpdate> {
    const installed = (await this.platform.templates.installed(district)).find(
      (template) => template.key === key,
    );
    const current = this.platform.templates.entries.get(key);
    if (!installed || !current) throw AppError.notFound('模板');
    if (current.version <= installed.version)
      throw AppError.conflict(`本区县已是模板的最新版本（第 ${installed.version} 版）`);
    const report = await this.installAndRecord(district, [key], by);
    await this.rememberCloned(district, report);
    const applied = report.templates.find((template) => template.key === key)!;
    return { ...applied, from: installed.version };
  }

  private async installAndRecord(
    district: string,
    keys: string[],
    by: string,
  ): Promise<InstallReport> {
    const report = await this.platform.templates.installTemplates(district, keys, by);
    for (const { key, version } of report.templates) {
      const entry = this.platform.templates.get(key);
      if (entry.version === version)
        await this.baselines.record(district, key, version, await this.contents.of(entry));
    }
    return report;
  }

  /** The district record's `clonedTemplates` follow the versions now installed. */
  private async rememberCloned(district: string, report: InstallReport): Promise<void> {
    const doc = await this.districts.findById(district);
    if (!doc) return;
    const versions = new Map(doc.clonedTemplates.map((t) => [t.key, t.version]));
    for (const { key, version } of report.templates) versions.set(key, version);
    const cloned = [...versions].map(([key, version]) => ({ key, version }));
    await this.districts.setClonedTemplates(district, cloned, this.clock.now());
  }
}

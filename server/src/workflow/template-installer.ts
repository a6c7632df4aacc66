import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Clock, ProcessEngine } from '../../../engine/src';
import type { FormStore } from '../forms';
import { deepEqual } from '../forms/validation/data-paths';
import type { Directory } from './directory.port';
import { isDuplicateKey } from './mongo-errors';
import type { TemplateLibrary } from './template-library';

export interface InstallReport {
  templates: {
    key: string;
    version: number;
    forms: { key: string; version: number; published: boolean }[];
    processes: { key: string; version: number; deployed: boolean }[];
  }[];
}

interface InstallDoc {
  /** `<district>:<template>:<version>` */
  _id: string;
  district: string;
  key: string;
  version: number;
  installedAt: Date;
  installedBy?: string;
}

/**
 * Brings library templates into a district: publishes each form whose schema differs from the
 * district's latest version, then deploys each process whose XML differs or whose pinned forms
 * are no longer current — dependencies (called processes) first. Running it again changes nothing.
 */
export class TemplateInstaller {
  private readonly installs: Collection<InstallDoc>;

  constructor(
    connection: Connection,
    private readonly deps: {
      library: TemplateLibrary;
      forms: FormStore;
      engine: ProcessEngine;
      directory: Directory;
      clock: Clock;
    },
  ) {
    if (!connection.db) throw new Error('TemplateInstaller needs an open connection');
    this.installs = connection.db.collection<InstallDoc>('template_installs');
  }

  async installTemplates(
    district: string,
    keys: string[],
    installedBy?: string,
  ): Promise<InstallReport> {
    const { library, forms, engine, directory, clock } = this.deps;
    const roleKeys = new Set(await directory.roleKeys(district));
    const report: InstallReport = { templates: [] };
    for (const template of library.installOrder(keys)) {
      const entry: InstallReport['templates'][number] = {
        key: template.key,
        version: template.version,
        forms: [],
        processes: [],
      };
      for (const formKey of template.forms) {
        const schema = library.formSchema(formKey);
        const latest = await forms.latest(district, formKey).catch(() => undefined);
        if (latest && deepEqual(latest.schema, schema)) {
          entry.forms.push({ key: formKey, version: latest.version, published: false });
          continue;
        }
        const published = await forms.publish(district, formKey, schema, {
          publishedBy: installedBy,
        });
        entry.forms.push({ key: formKey, version: published.version, published: true });
      }
      for (const processKey of template.processes) {
        const xml = library.processXml(processKey);
        const [latest] = await engine.definitions.versions(district, processKey);
        if (
          latest &&
          latest.xml === xml &&
          (await this.bindingsCurrent(district, latest.formBindings))
        ) {
          entry.processes.push({ key: processKey, version: latest.version, deployed: false });
          continue;
        }
        const deployed = await engine.deploy(xml, { district, deployedBy: installedBy, roleKeys });
        entry.processes.push({ key: processKey, version: deployed.version, deployed: true });
      }
      try {
        await this.installs.insertOne({
          _id: `${district}:${template.key}:${template.version}`,
          district,
          key: template.key,
          version: template.version,
          installedAt: clock.now(),
          ...(installedBy && { installedBy }),
        });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // installed this version before
      }
      report.templates.push(entry);
    }
    return report;
  }

  /** The templates a district installed, newest version of each. */
  async installed(
    district: string,
  ): Promise<{ key: string; version: number; installedAt: Date }[]> {
    const docs = await this.installs.find({ district }).sort({ key: 1, version: -1 }).toArray();
    return docs
      .filter((doc, i) => i === 0 || docs[i - 1].key !== doc.key)
      .map(({ key, version, installedAt }) => ({ key, version, installedAt }));
  }

  private async bindingsCurrent(
    district: string,
    bindings: { formKey: string; version: number }[],
  ): Promise<boolean> {
    for (const binding of bindings)
      if ((await this.deps.forms.currentVersion(district, binding.formKey)) !== binding.version)
        return false;
    return true;
  }
}

import type { DeploymentDoc } from '../../../engine/src';
import type { DistrictScopedCollection } from '../common/database/district-scoped-collection';
import { type BpmnOutline, readBpmnOutline } from './bpmn-outline';

/** A deployment without its XML, for lists. */
export type DeploymentSummary = Omit<DeploymentDoc, 'xml'>;

const WITHOUT_XML = { projection: { xml: 0 } } as const;

/**
 * The engine's deployments of one district, read through a district-scoped view (another
 * district's versions match nothing), and each version's outline read from its XML once.
 */
export class DefinitionCatalog {
  /** Deployments are immutable but for `active`: an outline never goes stale. */
  private readonly outlines = new Map<string, Promise<BpmnOutline | undefined>>();

  constructor(private readonly deployments: DistrictScopedCollection<DeploymentDoc>) {}

  /** The latest version of every process key (active or not), by key. */
  async latestPerKey(
    district: string,
    filter: { active?: true } = {},
  ): Promise<DeploymentSummary[]> {
    const docs = (await this.deployments
      .in(district)
      .find(filter, { ...WITHOUT_XML, sort: { key: 1, version: -1 } })
      .toArray()) as DeploymentSummary[];
    return docs.filter((doc, i) => i === 0 || docs[i - 1].key !== doc.key);
  }

  /** Every version of a key, newest first; empty when the key is not deployed here. */
  async versions(district: string, key: string): Promise<DeploymentSummary[]> {
    return (await this.deployments
      .in(district)
      .find({ key }, { ...WITHOUT_XML, sort: { version: -1 } })
      .toArray()) as DeploymentSummary[];
  }

  /** The version `startInstance` would start: the latest active one. */
  async latestActive(district: string, key: string): Promise<DeploymentSummary | null> {
    const [doc] = (await this.deployments
      .in(district)
      .find({ key, active: true }, { ...WITHOUT_XML, sort: { version: -1 }, limit: 1 })
      .toArray()) as DeploymentSummary[];
    return doc ?? null;
  }

  async version(district: string, key: string, version: number): Promise<DeploymentDoc | null> {
    return this.deployments.in(district).findOne({ key, version });
  }

  /** The outline of a deployment of this district (undefined for another district's id). */
  async outline(district: string, deploymentId: string): Promise<BpmnOutline | undefined> {
    const cacheKey = `${district}:${deploymentId}`;
    let entry = this.outlines.get(cacheKey);
    if (!entry) {
      entry = this.deployments
        .in(district)
        .findById(deploymentId)
        .then((doc) => (doc ? readBpmnOutline(doc.xml) : undefined));
      entry.catch(() => this.outlines.delete(cacheKey));
      this.outlines.set(cacheKey, entry);
      if (this.outlines.size > 500)
        this.outlines.delete(this.outlines.keys().next().value as string);
    }
    return entry;
  }
}

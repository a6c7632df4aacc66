import type { DeploymentProblem, ParsedProcess } from '../deployment';
import { isExpressionText } from '../deployment';
import type { EngineStore } from '../storage/engine-store';

/**
 * Called processes are resolved when the call starts, so one may be deployed after its caller.
 * Until it is, the call raises an incident: worth a warning when the caller is validated.
 */
export async function calledProcessWarnings(
  store: EngineStore,
  district: string,
  process: ParsedProcess,
): Promise<DeploymentProblem[]> {
  const warnings: DeploymentProblem[] = [];
  for (const call of process.callActivities) {
    const key = call.calledElement;
    if (key === undefined || isExpressionText(key) || key === process.key) continue;
    const deployed = await store.deployments.findOne(
      { district, key, active: true },
      { projection: { _id: 1 } },
    );
    if (!deployed)
      warnings.push({
        elementId: call.id,
        message: `process '${key}' is not deployed in this district yet: the call raises an incident until it is`,
      });
  }
  return warnings;
}

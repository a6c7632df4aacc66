import type { DeploymentDoc } from '../storage/documents';
import type { CompiledDefinition } from './compiled-definition';
import type { ProcessModel } from './process-model';

/** A deployment ready to run: its document, the compiled BPMN and the model of its elements. */
export interface LoadedDefinition {
  deployment: DeploymentDoc;
  compiled: CompiledDefinition;
  model: ProcessModel;
}

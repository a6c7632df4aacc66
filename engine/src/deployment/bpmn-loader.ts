import BpmnModdle from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';
import { EngineError } from '../engine.error';
import { type DeploymentProblem } from './deployment.types';
import { isModdleElement, type ModdleElement } from './moddle-element';

/** A remark of the XML reader; `matters` when ignoring it would change what the engine runs. */
export interface ImportWarning extends DeploymentProblem {
  matters: boolean;
}

export interface LoadedDefinitions {
  definitions: ModdleElement;
  importWarnings: ImportWarning[];
}

// bpmn-moddle normalises prefixes to the names its packages are registered under.
const knownPrefixes = new Set(['bpmn', 'bpmndi', 'dc', 'di', 'camunda']);

/** Reads BPMN 2.0 XML with the Camunda 7 extensions; throws DEPLOYMENT_INVALID when it does not parse. */
export async function loadDefinitions(xml: string): Promise<LoadedDefinitions> {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml);
    if (!isModdleElement(rootElement)) throw new Error('the document has no bpmn:definitions');
    return { definitions: rootElement, importWarnings: warnings.map(toImportWarning) };
  } catch (error) {
    const cause = error as BpmnModdle.ImportError;
    const reason = oneLine(cause?.message ?? String(error));
    const problems: DeploymentProblem[] = [
      { elementId: '', message: `the BPMN XML does not parse: ${reason}` },
      ...(cause?.warnings ?? [])
        .map(toImportWarning)
        .filter((warning) => warning.message !== reason)
        .map(({ elementId, message }) => ({ elementId, message })),
    ];
    throw new EngineError('DEPLOYMENT_INVALID', problems[0].message, problems, { cause });
  }
}

function toImportWarning(warning: BpmnModdle.ImportWarning): ImportWarning {
  const id = warning.element?.id;
  return {
    elementId: typeof id === 'string' ? id : '',
    message: oneLine(warning.message),
    matters: matters(warning),
  };
}

function matters(warning: BpmnModdle.ImportWarning): boolean {
  // Elements of other modelers' namespaces are read as "unrecognized" and skipped harmlessly;
  // unknown BPMN or Camunda types, duplicate ids and dangling references change the model.
  if (warning.error?.message.startsWith('unrecognized element')) return false;
  if (warning.message.startsWith('unknown attribute') && warning.property !== undefined) {
    const colon = warning.property.indexOf(':');
    return colon < 0 || knownPrefixes.has(warning.property.slice(0, colon));
  }
  return true;
}

function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('; ');
}

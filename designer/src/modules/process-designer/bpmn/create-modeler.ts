import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import Modeler from 'bpmn-js/lib/Modeler';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { EngineConstructsModule } from './engine-constructs';
import { CongressPropertiesModule } from './properties';
import { ReferenceDataModule } from './reference-data';
import { translateModule } from './translate';

export interface ModelerContainers {
  canvas: HTMLElement;
  propertiesPanel: HTMLElement;
}

/**
 * The composition root of the process designer's bpmn-js: a plain list of modules, as in
 * bpmn-js's own Modeler. The Camunda 7 moddle extension reads and writes the camunda:* attributes
 * the engine understands; its behaviours keep them consistent while modelling.
 */
export function createModeler(containers: ModelerContainers, language: string): Modeler {
  return new Modeler({
    container: containers.canvas,
    propertiesPanel: { parent: containers.propertiesPanel },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaBehaviorsModule,
      ReferenceDataModule,
      CongressPropertiesModule,
      EngineConstructsModule,
      translateModule(language),
    ],
    moddleExtensions: { camunda: camundaModdle },
  });
}

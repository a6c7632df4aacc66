import type { Injector } from 'didi';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { ReferenceData } from '../reference-data/reference-data';
import type { BpmnTranslate } from '../translate';
import { callActivityGroups, messageGroups, timerGroups } from './event-groups';
import {
  conditionGroups,
  multiInstanceGroups,
  processGroups,
  serviceTaskGroups,
  startFormGroups,
  userTaskGroups,
  type PanelGroup,
} from './groups';

const SERVICE_TYPES = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];

/**
 * BPMN groups ours replace: the plain-text multi-instance group becomes the rule builder, the
 * timer's text field the timer builder, the message select the district's message names.
 */
const REPLACED_GROUPS = new Set(['multiInstance', 'timer', 'message']);

interface PropertiesPanel {
  registerProvider(priority: number, provider: unknown): void;
}

/**
 * Edits the engine's Camunda extensions (engine/README.md) with pickers: who handles a user task,
 * its form, deadline and priority; a service task's handler and parameters; multi-instance
 * rules; flow conditions; timers; message names; what a call activity calls and maps. Runs after
 * the BPMN provider and places its groups after "General".
 */
export class CongressPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly injector: Injector,
  ) {
    propertiesPanel.registerProvider(500, this);
  }

  getGroups(element: unknown) {
    return (groups: PanelGroup[]): PanelGroup[] => {
      const context = {
        element,
        translate: this.injector.get<BpmnTranslate>('translate'),
        reference: this.injector.get<ReferenceData>('congressReferenceData').get(),
      };
      const ours: PanelGroup[] = [];
      if (is(element, 'bpmn:Process') || is(element, 'bpmn:Participant'))
        ours.push(...processGroups(context));
      if (is(element, 'bpmn:UserTask')) ours.push(...userTaskGroups(context));
      if (is(element, 'bpmn:StartEvent')) ours.push(...startFormGroups(context));
      if (SERVICE_TYPES.some((type) => is(element, type))) ours.push(...serviceTaskGroups(context));
      if (is(element, 'bpmn:Activity')) ours.push(...multiInstanceGroups(context));
      if (is(element, 'bpmn:SequenceFlow')) ours.push(...conditionGroups(context));
      ours.push(...callActivityGroups(context), ...timerGroups(context), ...messageGroups(context));

      const kept = groups.filter((group) => !REPLACED_GROUPS.has(group.id));
      const general = kept.findIndex((group) => group.id === 'general');
      kept.splice(general + 1, 0, ...ours);
      return kept;
    };
  }
}

import { is } from 'bpmn-js/lib/util/ModelUtil';
import { CalledElementEntry, CalledVersionEntry } from './entries/called-element-entry';
import { CallMappingsEntry } from './entries/call-mappings-entry';
import { MessageNameEntry } from './entries/message-name-entry';
import { TimerEntry } from './entries/timer-entry';
import { ENTRY_IDS } from './entry-ids';
import { group, type GroupContext, type PanelGroup } from './groups';
import { messageHolderOf } from './message-commands';
import { timerDefinitionOf } from './timer-commands';

/** The timer of a timer event: our builder and preview in place of bpmn-js's text field. */
export function timerGroups({ element, translate }: GroupContext): PanelGroup[] {
  if (!timerDefinitionOf(element)) return [];
  return [group('cf-timer', translate('Timer'), [{ id: ENTRY_IDS.timer, component: TimerEntry }])];
}

/** The message an event or receive task uses, by name, in place of bpmn-js's message group. */
export function messageGroups({ element, translate }: GroupContext): PanelGroup[] {
  if (!messageHolderOf(element)) return [];
  return [
    group('cf-message', translate('Message'), [
      { id: ENTRY_IDS.messageName, component: MessageNameEntry },
    ]),
  ];
}

/** What a call activity calls, which version, and the variables passed in and back. */
export function callActivityGroups({ element, translate }: GroupContext): PanelGroup[] {
  if (!is(element, 'bpmn:CallActivity')) return [];
  return [
    group('cf-call', translate('Called process'), [
      { id: ENTRY_IDS.calledElement, component: CalledElementEntry },
      { id: ENTRY_IDS.calledVersion, component: CalledVersionEntry },
      { id: ENTRY_IDS.inMappings, component: CallMappingsEntry, direction: 'in' },
      { id: ENTRY_IDS.outMappings, component: CallMappingsEntry, direction: 'out' },
    ]),
  ];
}

// The bpmn-io packages below ship no type declarations; this is the part of their API we use.

declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';

  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  /** Looks up a diagram service from inside a properties-panel component. */
  export function useService<T = unknown>(type: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  import type { VNode } from '@bpmn-io/properties-panel/preact';

  /** Props every entry component receives from its group. */
  export interface EntryProps {
    element: unknown;
    id: string;
    [prop: string]: unknown;
  }
  type Entry = (props: Record<string, unknown>) => VNode | null;

  export const Group: Entry;
  export const SelectEntry: Entry;
  export const TextFieldEntry: Entry;
  export const TextAreaEntry: Entry;
  export const NumberFieldEntry: Entry;
  export const CheckboxEntry: Entry;
  export const ToggleSwitchEntry: Entry;
  export const FeelEntry: Entry;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isFeelEntryEdited(node: unknown): boolean;
  export function isNumberFieldEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
  export function useError(id: string): string | undefined;
  export function useShowEntryEvent(id: string): { current: unknown };
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  import type { ModuleDeclaration } from 'didi';

  const CamundaPlatformBehaviors: ModuleDeclaration;
  export default CamundaPlatformBehaviors;
}

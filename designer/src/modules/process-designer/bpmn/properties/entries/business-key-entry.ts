import { TextFieldEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import {
  BUSINESS_KEY_PROPERTY,
  businessKeyPatternOf,
  previewBusinessKey,
} from '../../../model/business-key';
import { setProcessProperty } from '../process-property-commands';
import { processOf, usePanelServices } from '../panel-services';

interface EntryProps {
  element: unknown;
  id: string;
}

/**
 * The process's business-key pattern (camunda:property businessKeyPattern) with the first key it
 * would give today. The lint (the engine's own parser) says what is wrong with it, on this entry.
 */
export function BusinessKeyPatternEntry({ element, id }: EntryProps) {
  const services = usePanelServices();
  const { translate, debounce } = services;
  const pattern = businessKeyPatternOf(processOf(element));
  const preview = pattern === undefined ? undefined : previewBusinessKey(pattern, new Date());
  const description =
    preview === undefined
      ? translate('Leave empty for no number. Fields: {yyyy} {yy} {MM} {dd} and one {seq:N}.')
      : translate('Example, number 1 today: {preview}', { preview });
  return h(TextFieldEntry, {
    element,
    id,
    label: translate('Business key pattern'),
    description,
    debounce,
    getValue: () => pattern ?? '',
    setValue: (value: string | undefined) =>
      setProcessProperty(services, element, BUSINESS_KEY_PROPERTY, value?.trim() || undefined),
  });
}

import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Selection from 'diagram-js/lib/features/selection/Selection';

/**
 * Selects an element named by a problem, scrolls it into view and opens the properties-panel
 * entry the problem is about. An unknown id (or the process itself) selects the process.
 */
export function focusElement(modeler: Modeler, elementId: string, entryId?: string): void {
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const selection = modeler.get<Selection>('selection');
  const element = elementId ? registry.get(elementId) : undefined;
  if (element && element !== canvas.getRootElement()) {
    selection.select(element);
    canvas.scrollToElement(element as never);
  } else {
    selection.select([]);
  }
  if (entryId) {
    // the panel renders the new selection first
    setTimeout(
      () => modeler.get<EventBus>('eventBus').fire('propertiesPanel.showEntry', { id: entryId }),
      50,
    );
  }
}

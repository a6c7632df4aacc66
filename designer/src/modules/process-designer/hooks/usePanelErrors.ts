import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Selection from 'diagram-js/lib/features/selection/Selection';
import { useEffect } from 'react';
import { useT } from '../../../shared/i18n';
import { describeFinding } from '../model/describe-finding';
import { entryIdOf } from '../model/lint-entry-ids';
import { type LintFinding } from '../model/process-lint';

/** The designer's errors about the selected element, shown under the fields they are about. */
export function usePanelErrors(modeler: Modeler | null, findings: LintFinding[]): void {
  const t = useT();
  useEffect(() => {
    if (!modeler) return undefined;
    const eventBus = modeler.get<EventBus>('eventBus');
    const push = () => {
      const selected = modeler.get<Selection>('selection').get() as { id: string }[];
      const id =
        selected.length === 1 ? selected[0].id : modeler.get<Canvas>('canvas').getRootElement().id;
      const errors: Record<string, string> = {};
      for (const finding of findings) {
        if (finding.severity !== 'error' || finding.elementId !== id) continue;
        const entry = entryIdOf(finding);
        if (entry && !errors[entry]) errors[entry] = describeFinding(t, finding);
      }
      eventBus.fire('propertiesPanel.setErrors', { errors });
    };
    push();
    eventBus.on('selection.changed', push);
    return () => eventBus.off('selection.changed', push);
  }, [modeler, findings, t]);
}

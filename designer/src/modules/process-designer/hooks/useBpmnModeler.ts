import type Modeler from 'bpmn-js/lib/Modeler';
import { useEffect, useRef, useState } from 'react';

/**
 * One bpmn-js Modeler with its properties panel, in the two containers returned. bpmn-js arrives
 * in its own chunk. The modeler is rebuilt when the language changes (bpmn-js translates once, at
 * start-up); the caller re-imports the diagram.
 */
export function useBpmnModeler(language: string) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const [modeler, setModeler] = useState<Modeler | null>(null);
  const [loadError, setLoadError] = useState<unknown>();

  useEffect(() => {
    let created: Modeler | undefined;
    let cancelled = false;
    import('../bpmn/create-modeler')
      .then(({ createModeler }) => {
        if (cancelled || !canvasRef.current || !panelRef.current) return;
        created = createModeler(
          { canvas: canvasRef.current, propertiesPanel: panelRef.current },
          language,
        );
        setModeler(created);
      })
      .catch((error: unknown) => !cancelled && setLoadError(error));
    return () => {
      cancelled = true;
      setModeler(null);
      created?.destroy();
    };
  }, [language]);

  return { canvasRef, panelRef, modeler, loadError };
}

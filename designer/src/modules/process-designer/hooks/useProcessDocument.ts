import type Modeler from 'bpmn-js/lib/Modeler';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fitDiagram } from '../bpmn/fit-diagram';

export interface ImportOutcome {
  ok: boolean;
  warnings: number;
  error?: string;
}

/**
 * The diagram being edited: imports XML into the modeler (again after a rebuild), follows every
 * change (a revision counter, the latest XML, unpublished or not) and autosaves a draft.
 */
export function useProcessDocument(
  modeler: Modeler | null,
  initialXml: string,
  initiallyDirty: boolean,
  onDraft: (xml: string) => void,
) {
  const xmlRef = useRef(initialXml);
  const [revision, setRevision] = useState(0);
  const [dirty, setDirty] = useState(initiallyDirty);
  const [ready, setReady] = useState(false);
  const [importError, setImportError] = useState<string>();
  const onDraftRef = useRef(onDraft);
  onDraftRef.current = onDraft;

  const load = useCallback(
    async (xml: string): Promise<ImportOutcome> => {
      if (!modeler) return { ok: false, warnings: 0 };
      try {
        const { warnings } = await modeler.importXML(xml);
        xmlRef.current = xml;
        fitDiagram(modeler.get<Canvas>('canvas'));
        setImportError(undefined);
        setReady(true);
        setRevision((n) => n + 1);
        return { ok: true, warnings: warnings.length };
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return { ok: false, warnings: 0, error: reason };
      }
    },
    [modeler],
  );

  // a new modeler (first mount, or the language changed) shows the latest XML
  useEffect(() => {
    if (!modeler) return;
    setReady(false);
    void load(xmlRef.current).then((outcome) => {
      if (!outcome.ok) setImportError(outcome.error);
    });
  }, [modeler, load]);

  useEffect(() => {
    if (!modeler) return undefined;
    const eventBus = modeler.get<EventBus>('eventBus');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = (event: unknown) => {
      // importing clears the command stack: that is no edit
      if ((event as { trigger?: string }).trigger === 'clear') return;
      setDirty(true);
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const { xml } = await modeler.saveXML({ format: true });
        if (!xml) return;
        xmlRef.current = xml;
        onDraftRef.current(xml);
        setRevision((n) => n + 1);
      }, 300);
    };
    eventBus.on('commandStack.changed', onChange);
    return () => {
      clearTimeout(timer);
      eventBus.off('commandStack.changed', onChange);
    };
  }, [modeler]);

  /** The current XML, exactly as the modeler has it now. */
  const currentXml = useCallback(async (): Promise<string> => {
    if (!modeler) return xmlRef.current;
    const { xml } = await modeler.saveXML({ format: true });
    if (xml) xmlRef.current = xml;
    return xmlRef.current;
  }, [modeler]);

  /** Replaces the diagram (import, restoring a draft or an older version). */
  const replace = useCallback(
    async (xml: string, markDirty: boolean): Promise<ImportOutcome> => {
      const outcome = await load(xml);
      if (outcome.ok) setDirty(markDirty);
      if (outcome.ok && markDirty) onDraftRef.current(xml);
      return outcome;
    },
    [load],
  );

  return {
    revision,
    dirty,
    ready,
    importError,
    currentXml,
    replace,
    markPublished: () => setDirty(false),
  };
}

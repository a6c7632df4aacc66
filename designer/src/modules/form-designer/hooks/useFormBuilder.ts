import { useCallback, useRef, useState } from 'react';
import { type FormModel } from '../model/form-model';

interface History {
  past: FormModel[];
  present: FormModel;
  future: FormModel[];
}

const LIMIT = 100;
/** Keystrokes in one property within this time are one undo step. */
const COALESCE_MS = 1000;

/**
 * The model being built, with undo/redo, the selected field and whether anything is unpublished.
 * Every edit goes through `apply` with a pure function from builder-operations.ts.
 */
export function useFormBuilder(initial: FormModel, initiallyDirty: boolean) {
  const [history, setHistory] = useState<History>({ past: [], present: initial, future: [] });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dirty, setDirty] = useState(initiallyDirty);
  const lastEdit = useRef<{ key: string; at: number } | null>(null);

  /** Applies an edit; edits with the same `coalesce` key in quick succession undo together. */
  const apply = useCallback((change: (model: FormModel) => FormModel, coalesce?: string) => {
    const now = Date.now();
    const merge =
      coalesce !== undefined &&
      lastEdit.current?.key === coalesce &&
      now - lastEdit.current.at < COALESCE_MS;
    lastEdit.current = coalesce === undefined ? null : { key: coalesce, at: now };
    setHistory((h) => {
      const next = change(h.present);
      if (next === h.present) return h;
      return merge
        ? { ...h, present: next, future: [] }
        : { past: [...h.past.slice(-LIMIT), h.present], present: next, future: [] };
    });
    setDirty(true);
  }, []);

  const undo = useCallback(() => {
    lastEdit.current = null;
    setHistory((h) =>
      h.past.length === 0
        ? h
        : {
            past: h.past.slice(0, -1),
            present: h.past[h.past.length - 1],
            future: [h.present, ...h.future],
          },
    );
    setDirty(true);
  }, []);

  const redo = useCallback(() => {
    lastEdit.current = null;
    setHistory((h) =>
      h.future.length === 0
        ? h
        : { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) },
    );
    setDirty(true);
  }, []);

  return {
    model: history.present,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    dirty,
    selectedId,
    select: setSelectedId,
    apply,
    undo,
    redo,
    markPublished: () => setDirty(false),
  };
}

export type FormBuilderState = ReturnType<typeof useFormBuilder>;

import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { definitionsApi } from '../api/definitions-api';
import { newProcessXml } from '../model/new-process-xml';
import { readDraft } from '../model/process-drafts';
import '../process-designer.css';
import '../process-pickers.css';
import { ProcessEditor, type ProcessEditorProps } from './ProcessEditor';

/** What the list page may hand over when it opens the editor. */
export interface EditorEntryState {
  importedXml?: string;
  newProcessName?: string;
}

/**
 * Opens a process: its latest published XML, or an imported file, or a new diagram for a key
 * never published; with the draft autosaved in this browser offered for restoring.
 */
export function ProcessEditorLoader({ processKey }: { processKey: string }) {
  const t = useT();
  const location = useLocation();
  const entry = (location.state ?? {}) as EditorEntryState;
  const [props, setProps] = useState<ProcessEditorProps>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    setError(undefined);
    setProps(undefined);
    (async () => {
      const versions = await definitionsApi.versions(processKey).catch((err: unknown) => {
        if (isApiError(err, 404)) return [];
        throw err;
      });
      const latest = versions[0]?.version;
      const publishedXml =
        latest === undefined ? undefined : await definitionsApi.xml(processKey, latest);
      const draft = readDraft(processKey);
      let initial: Pick<ProcessEditorProps, 'initialXml' | 'initiallyDirty'>;
      if (entry.importedXml) initial = { initialXml: entry.importedXml, initiallyDirty: true };
      else if (publishedXml) initial = { initialXml: publishedXml, initiallyDirty: false };
      else if (draft) initial = { initialXml: draft.xml, initiallyDirty: true };
      else {
        initial = {
          initialXml: newProcessXml(processKey, entry.newProcessName ?? processKey),
          initiallyDirty: true,
        };
      }
      if (alive) setProps({ processKey, latestVersion: latest, draft, ...initial });
    })().catch((err: unknown) => alive && setError(err));
    return () => {
      alive = false;
    };
    // the entry state belongs to the navigation that opened this key: no dependency
  }, [processKey, attempt]);

  if (error) return <LoadError error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!props) {
    return (
      <div className="cf-editor-loading">
        <Spin tip={t('processDesigner.editor.loading')}>
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  return <ProcessEditor key={`${processKey}:${attempt}`} {...props} />;
}

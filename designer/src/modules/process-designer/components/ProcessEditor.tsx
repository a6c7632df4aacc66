import { Alert, App, Button, Space, Spin } from 'antd';
import type Modeler from 'bpmn-js/lib/Modeler';
import type CommandStack from 'diagram-js/lib/command/CommandStack';
import type Canvas from 'diagram-js/lib/core/Canvas';
import dayjs from 'dayjs';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLanguage, useT } from '../../../shared/i18n';
import { type DefinitionSummary } from '../api/definitions-api';
import { fitDiagram } from '../bpmn/fit-diagram';
import { focusElement } from '../bpmn/focus-element';
import { useBpmnModeler } from '../hooks/useBpmnModeler';
import { useProcessDocument } from '../hooks/useProcessDocument';
import { usePanelErrors } from '../hooks/usePanelErrors';
import { useProcessLint } from '../hooks/useProcessLint';
import { useReferenceData } from '../hooks/useReferenceData';
import { useUnsavedGuard } from '../../../shared/useUnsavedGuard';
import { describeFinding } from '../model/describe-finding';
import { downloadText } from '../model/download';
import { processKeyOf } from '../model/new-process-xml';
import { clearDraft, saveDraft, type ProcessDraft } from '../model/process-drafts';
import { EditorToolbar } from './EditorToolbar';
import { ProblemsPanel } from './ProblemsPanel';
import { PublishModal } from './PublishModal';
import { VersionHistoryDrawer } from './VersionHistoryDrawer';

export interface ProcessEditorProps {
  processKey: string;
  initialXml: string;
  /** imported or new: the diagram differs from what is published */
  initiallyDirty: boolean;
  latestVersion?: number;
  /** an autosaved draft to offer for restoring */
  draft?: ProcessDraft;
}

/** The bpmn-js modeler with our properties panel, live checks, publishing and versions. */
export function ProcessEditor({
  processKey,
  initialXml,
  initiallyDirty,
  latestVersion: published,
  draft,
}: ProcessEditorProps) {
  const t = useT();
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { canvasRef, panelRef, modeler, loadError } = useBpmnModeler(language);
  const { reference, lintReference } = useReferenceData(modeler);
  const [latestVersion, setLatestVersion] = useState(published);
  const [offeredDraft, setOfferedDraft] = useState(
    draft && draft.xml !== initialXml ? draft : undefined,
  );
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyToken, setHistoryToken] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const baseVersion = useRef(latestVersion);
  baseVersion.current = latestVersion;
  const onDraft = useCallback(
    (xml: string) =>
      saveDraft(processKey, {
        xml,
        savedAt: new Date().toISOString(),
        baseVersion: baseVersion.current,
      }),
    [processKey],
  );
  const doc = useProcessDocument(modeler, initialXml, initiallyDirty, onDraft);
  const { findings, server } = useProcessLint(modeler, doc.revision, doc.currentXml, lintReference);

  const processName = useMemo(() => processNameOf(modeler), [modeler, doc.revision]);
  const commandStack = modeler?.get<CommandStack>('commandStack');
  const select = useCallback(
    (elementId: string, entryId?: string) => modeler && focusElement(modeler, elementId, entryId),
    [modeler],
  );

  usePanelErrors(modeler, findings);

  // unpublished changes: the draft stays in this browser either way
  useUnsavedGuard(doc.dirty, t('processDesigner.editor.leaveTitle'), {
    detail: t('processDesigner.editor.leaveText'),
    leave: t('processDesigner.editor.leave'),
    stay: t('processDesigner.editor.stay'),
  });

  const replaceWith = async (xml: string, dirty: boolean) => {
    const outcome = await doc.replace(xml, dirty);
    if (!outcome.ok)
      message.error(t('processDesigner.editor.importFailed', { reason: outcome.error ?? '' }));
    else if (outcome.warnings > 0)
      message.warning(t('processDesigner.editor.importWarnings', { count: outcome.warnings }));
    return outcome.ok;
  };

  const importFile = async (file: File) => {
    const xml = await file.text();
    const apply = async () => {
      if (!(await replaceWith(xml, true))) return;
      const fileKey = processKeyOf(xml);
      if (fileKey && fileKey !== processKey) {
        modal.info({
          content: t('processDesigner.editor.otherProcessId', { fileKey, key: processKey }),
        });
      }
    };
    if (!doc.dirty) return apply();
    modal.confirm({
      title: t('processDesigner.editor.replaceConfirmTitle'),
      content: t('processDesigner.editor.replaceConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: apply,
    });
  };

  const exportAs = async (kind: 'bpmn' | 'svg') => {
    if (!modeler) return;
    if (kind === 'bpmn')
      downloadText(`${processKey}.bpmn`, await doc.currentXml(), 'application/xml');
    else downloadText(`${processKey}.svg`, (await modeler.saveSVG()).svg, 'image/svg+xml');
  };

  const onPublished = (result: Partial<DefinitionSummary>, xml: string) => {
    clearDraft(processKey);
    doc.markPublished();
    setOfferedDraft(undefined);
    if (result.version !== undefined) setLatestVersion(result.version);
    setHistoryToken((n) => n + 1);
    const publishedKey = result.key ?? processKeyOf(xml);
    if (publishedKey && publishedKey !== processKey) {
      // after the published state has rendered, so leaving is not blocked as unpublished
      setTimeout(() =>
        navigate(`/admin/processes/${encodeURIComponent(publishedKey)}`, { replace: true }),
      );
    }
  };

  const clientErrors = findings
    .filter((f) => f.severity === 'error')
    .map((f) => describeFinding(t, f));

  return (
    <div className="cf-process-editor">
      <EditorToolbar
        name={processName}
        processKey={processKey}
        latestVersion={latestVersion}
        dirty={doc.dirty}
        canUndo={Boolean(commandStack?.canUndo())}
        canRedo={Boolean(commandStack?.canRedo())}
        busy={!doc.ready}
        onBack={() => navigate('/admin/processes')}
        onUndo={() => commandStack?.undo()}
        onRedo={() => commandStack?.redo()}
        onFit={() => modeler && fitDiagram(modeler.get<Canvas>('canvas'))}
        onImport={() => fileInput.current?.click()}
        onExport={(kind) => void exportAs(kind)}
        onHistory={() => setHistoryOpen(true)}
        onPublish={() => setPublishing(true)}
      />
      <input
        ref={fileInput}
        type="file"
        accept=".bpmn,.xml,application/xml,text/xml"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {offeredDraft && (
        <Alert
          type="info"
          showIcon
          banner
          message={
            t('processDesigner.editor.draftFound', {
              time: dayjs(offeredDraft.savedAt).fromNow(),
            }) +
            (offeredDraft.baseVersion !== latestVersion && offeredDraft.baseVersion !== undefined
              ? t('processDesigner.editor.draftOlder', { version: offeredDraft.baseVersion })
              : '')
          }
          action={
            <Space>
              <Button
                size="small"
                type="primary"
                onClick={async () => {
                  if (await replaceWith(offeredDraft.xml, true)) setOfferedDraft(undefined);
                }}
              >
                {t('processDesigner.editor.restoreDraft')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  clearDraft(processKey);
                  setOfferedDraft(undefined);
                }}
              >
                {t('processDesigner.editor.discardDraft')}
              </Button>
            </Space>
          }
        />
      )}
      {reference.failed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          banner
          closable
          message={t('processDesigner.editor.referenceFailed', {
            lists: reference.failed
              .map((list) => t(`processDesigner.editor.lists.${list}`))
              .join('、'),
          })}
        />
      )}
      {loadError !== undefined && (
        <Alert type="error" showIcon banner message={t('processDesigner.editor.modelerFailed')} />
      )}
      {doc.importError && (
        <Alert
          type="error"
          showIcon
          banner
          message={t('processDesigner.editor.importFailed', { reason: doc.importError })}
        />
      )}
      <div className="cf-editor-body">
        <div className="cf-canvas-wrap">
          <div className="cf-canvas" ref={canvasRef} />
          {!doc.ready && !doc.importError && loadError === undefined && (
            <div className="cf-canvas-loading">
              <Spin tip={t('processDesigner.editor.loading')}>
                <div style={{ width: 120, height: 60 }} />
              </Spin>
            </div>
          )}
        </div>
        <aside className="cf-properties" ref={panelRef} />
      </div>
      <ProblemsPanel
        modeler={modeler}
        findings={findings}
        server={server}
        expanded={problemsOpen}
        onToggle={() => setProblemsOpen((open) => !open)}
        onSelect={select}
      />
      <PublishModal
        open={publishing}
        processName={processName}
        clientErrors={clientErrors}
        currentXml={doc.currentXml}
        onClose={() => setPublishing(false)}
        onPublished={onPublished}
        onSelectProblem={(elementId) => select(elementId)}
      />
      <VersionHistoryDrawer
        open={historyOpen}
        processKey={processKey}
        refreshToken={historyToken}
        dirty={doc.dirty}
        currentXml={doc.currentXml}
        onClose={() => setHistoryOpen(false)}
        onOpenVersion={(xml) => {
          setHistoryOpen(false);
          void replaceWith(xml, true);
        }}
      />
    </div>
  );
}

function processNameOf(modeler: Modeler | null): string {
  const definitions = modeler?.getDefinitions() as
    { rootElements?: { $type: string; name?: string; isExecutable?: boolean }[] } | undefined;
  const processes = (definitions?.rootElements ?? []).filter(
    (root) => root.$type === 'bpmn:Process',
  );
  const process = processes.find((p) => p.isExecutable) ?? processes[0];
  return process?.name ?? '';
}

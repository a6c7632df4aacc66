import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';
import { useT } from '../../../shared/i18n';

/**
 * While there are unpublished changes: the browser asks before closing the tab, and leaving for
 * another page asks first (the draft stays in this browser either way).
 */
export function useUnpublishedGuard(dirty: boolean): void {
  const t = useT();
  const { modal } = App.useApp();

  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('processDesigner.editor.leaveTitle'),
      content: t('processDesigner.editor.leaveText'),
      okText: t('processDesigner.editor.leave'),
      cancelText: t('processDesigner.editor.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
}

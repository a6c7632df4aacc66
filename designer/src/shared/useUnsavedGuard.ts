import { App } from 'antd';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router-dom';
import { useT } from './i18n';
import './common-messages';

export interface UnsavedGuardText {
  /** A sentence under the question (e.g. that a draft is kept). */
  detail?: string;
  /** The buttons; default 离开 / 留在此页. */
  leave?: string;
  stay?: string;
}

/** While `dirty`, asks before leaving the page (in-app navigation) and before closing the tab. */
export function useUnsavedGuard(dirty: boolean, question: string, text: UnsavedGuardText = {}) {
  const t = useT();
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const { detail, leave, stay } = text;

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: question,
      content: detail,
      okText: leave ?? t('common.leave'),
      cancelText: stay ?? t('common.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, question, detail, leave, stay, t]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirtyRef.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}

import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import '../task-messages';

/**
 * Warns before leaving a form with unsaved changes (in-app navigation and closing the tab).
 * `snapshot()` gives the current values as a string; `markSaved()` after 暂存 / 提交.
 */
export function useLeaveGuard(snapshot: (() => string) | null) {
  const t = useT();
  const { modal } = App.useApp();
  const baseline = useRef<string | null>(null);
  const saved = useRef(false);

  useEffect(() => {
    baseline.current = snapshot ? snapshot() : null;
    saved.current = false;
  }, [snapshot]);

  const dirty = useCallback(() => {
    if (!snapshot || saved.current || baseline.current === null) return false;
    return snapshot() !== baseline.current;
  }, [snapshot]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && dirty(),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('task.leaveConfirm'),
      okText: t('task.leave'),
      cancelText: t('task.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  return {
    /** the current values are stored (draft) — or the form is being left on purpose (submit) */
    markSaved: useCallback(
      (leaving = false) => {
        if (leaving) saved.current = true;
        else baseline.current = snapshot ? snapshot() : null;
      },
      [snapshot],
    ),
  };
}

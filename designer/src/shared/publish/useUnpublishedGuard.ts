import { App } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router-dom';
import { useT } from '../i18n';

/**
 * While there are unpublished changes: the browser asks before closing the tab, and leaving for
 * another page asks first (the draft stays in this browser either way). `messages` is the key
 * prefix of the designer's leaveTitle, leaveText, leave and stay.
 */
export function useUnpublishedGuard(dirty: boolean, messages: string): void {
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
      title: t(`${messages}.leaveTitle`),
      content: t(`${messages}.leaveText`),
      okText: t(`${messages}.leave`),
      cancelText: t(`${messages}.stay`),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t, messages]);
}

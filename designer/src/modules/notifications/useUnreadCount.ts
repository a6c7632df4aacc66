import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { AppNotification } from './notification';

const POLL_MS = 60_000;

/** Unread notifications, refreshed every minute and whenever the tab comes back into view. */
export function useUnreadCount() {
  const [count, setCount] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const unread = await api.get<AppNotification[] | { items: AppNotification[] }>(
        '/notifications',
        { unread: true },
      );
      setCount((Array.isArray(unread) ? unread : unread.items).length);
    } catch {
      // the bell is not worth an error message; the next poll tries again
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { count, refresh };
}

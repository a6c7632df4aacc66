import { useCallback, useEffect, useState } from 'react';
import { api } from '../../shared/api';

const POLL_MS = 60_000;

/** The exact number of unread notifications, refreshed every minute and whenever the tab is shown again. */
export function useUnreadCount() {
  const [count, setCount] = useState(0);

  const refresh = useCallback(async () => {
    try {
      const unread = await api.get<{ count: number }>('/notifications/unread-count');
      setCount(unread.count);
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

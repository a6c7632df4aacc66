import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';

/** Back to where the person came from; to `fallback` when the page was opened directly (new tab, link). */
export function useBack(fallback = '/inbox'): () => void {
  const navigate = useNavigate();
  return useCallback(() => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(fallback);
  }, [navigate, fallback]);
}

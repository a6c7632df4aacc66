/**
 * Who is signed in. `<SessionProvider>` loads `GET /api/auth/me` once; `<RequireSession>` guards the
 * signed-in part of the app (loading → spinner, signed out → /login?next=…); inside it,
 * `useSession()` gives the caller (`Me`) plus `hasRole(key)`, `isAdmin`, `refresh()` and `logout()`.
 */
import { Button, Result, Spin } from 'antd';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, isApiError, setUnauthenticatedHandler } from './api';
import { useErrorMessage } from './errors';
import { useT } from './i18n';

export interface Me {
  id: string;
  username: string;
  name: string;
  district: { id: string; name: string };
  unitId?: string;
  roles: string[];
  isPlatformAdmin: boolean;
  isDistrictAdmin: boolean;
  email?: string;
  phone?: string;
  notifyBy?: { email: boolean; sms: boolean };
}

export interface Session extends Me {
  me: Me;
  /** a domain role key (docs: shared/domain/processes.md), e.g. `deputyAffairs` */
  hasRole: (key: string) => boolean;
  /** a district or platform administrator */
  isAdmin: boolean;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

type SessionState =
  | { status: 'loading' }
  | { status: 'signedIn'; me: Me }
  | { status: 'signedOut' }
  | { status: 'failed'; error: unknown };

interface SessionContextValue {
  state: SessionState;
  signedIn: (me: Me) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const navigate = useNavigate();

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signedIn', me: await api.get<Me>('/auth/me') });
    } catch (error) {
      setState(isApiError(error, 401) ? { status: 'signedOut' } : { status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    // a 401 anywhere means the session ended: show the login page (RequireSession redirects)
    setUnauthenticatedHandler(() => setState({ status: 'signedOut' }));
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setState({ status: 'signedOut' });
      navigate('/login', { replace: true });
    }
  }, [navigate]);

  const value = useMemo<SessionContextValue>(
    () => ({ state, signedIn: (me) => setState({ status: 'signedIn', me }), refresh, logout }),
    [state, refresh, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('session hooks must be used inside <SessionProvider>');
  return value;
}

/** For the login page and guards: the raw state and `signedIn(me)` after a successful login. */
export function useSessionState() {
  return useSessionContext();
}

/** The signed-in caller. Only inside `<RequireSession>`. */
export function useSession(): Session {
  const { state, refresh, logout } = useSessionContext();
  const me = state.status === 'signedIn' ? state.me : null;
  const session = useMemo<Session | null>(
    () =>
      me && {
        ...me,
        me,
        hasRole: (key: string) => me.roles.includes(key),
        isAdmin: me.isDistrictAdmin || me.isPlatformAdmin,
        refresh,
        logout,
      },
    [me, refresh, logout],
  );
  if (!session) throw new Error('useSession() outside <RequireSession>');
  return session;
}

export function FullPageSpin() {
  const t = useT();
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" tip={t('common.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { state, refresh } = useSessionContext();
  const location = useLocation();
  const t = useT();
  const describe = useErrorMessage();

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'signedOut') {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (state.status === 'failed') {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={describe(state.error)}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

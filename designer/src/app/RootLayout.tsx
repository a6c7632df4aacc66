import { Outlet } from 'react-router-dom';
import { SessionProvider } from '../shared/session';

/** Everything under the router shares one session. */
export function RootLayout() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

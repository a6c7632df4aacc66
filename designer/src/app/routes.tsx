/**
 * Every screen, each loaded lazily so the inbox's first chunk stays small (bpmn-js and the
 * designers arrive only when opened).
 */
import { Navigate, type RouteObject } from 'react-router-dom';
import { adminRoutes } from '../modules/admin/admin-routes';
import { AppLayout } from './layout/AppLayout';
import { RequireAdmin } from './RequireAdmin';
import { RootBoundary } from './RootBoundary';
import { RootLayout } from './RootLayout';
import { RequireSession } from '../shared/session';

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RootBoundary />,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await import('../modules/auth/LoginPage')).LoginPage }),
      },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          {
            // errors of one screen show inside the frame (header and menu stay)
            errorElement: <RootBoundary />,
            children: [
              { index: true, element: <Navigate to="/inbox" replace /> },
              {
                path: 'inbox/:view?',
                lazy: async () => ({
                  Component: (await import('../modules/inbox/InboxPage')).InboxPage,
                }),
              },
              {
                path: 'tasks/:taskId',
                lazy: async () => ({
                  Component: (await import('../modules/task/TaskPage')).TaskPage,
                }),
              },
              {
                path: 'instances/:instanceId',
                lazy: async () => ({
                  Component: (await import('../modules/task/InstancePage')).InstancePage,
                }),
              },
              {
                path: 'start',
                lazy: async () => ({
                  Component: (await import('../modules/start/StartListPage')).StartListPage,
                }),
              },
              {
                path: 'start/:processKey',
                lazy: async () => ({
                  Component: (await import('../modules/start/StartFormPage')).StartFormPage,
                }),
              },
              {
                path: 'admin',
                element: <RequireAdmin />,
                children: [
                  ...adminRoutes,
                  {
                    path: 'processes/:key?',
                    lazy: async () => ({
                      Component: (await import('../modules/process-designer/ProcessDesignerPage'))
                        .default,
                    }),
                  },
                  {
                    path: 'forms/:key?',
                    lazy: async () => ({
                      Component: (await import('../modules/form-designer/FormDesignerPage'))
                        .default,
                    }),
                  },
                ],
              },
              {
                path: '*',
                lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }),
              },
            ],
          },
        ],
      },
    ],
  },
];

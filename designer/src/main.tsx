import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { routes } from './app/routes';
import './app/global.css';
import './shared/common-messages';
import { I18nProvider } from './shared/i18n';

const router = createBrowserRouter(routes, {
  future: {
    v7_relativeSplatPath: true,
    v7_fetcherPersist: true,
    v7_normalizeFormMethod: true,
    v7_skipActionErrorRevalidation: true,
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <AntApp>
        <RouterProvider router={router} future={{ v7_startTransition: true }} />
      </AntApp>
    </I18nProvider>
  </StrictMode>,
);

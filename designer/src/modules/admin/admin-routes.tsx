import type { RouteObject } from 'react-router-dom';

/**
 * The administration screens under `/admin` (app/routes.tsx nests these inside RequireAdmin,
 * beside the two designers at `/admin/processes` and `/admin/forms`). Each screen loads lazily.
 */
export const adminRoutes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./AdminHomePage')).AdminHomePage }),
  },
  {
    path: 'parameters',
    lazy: async () => ({ Component: (await import('./parameters/ParametersPage')).ParametersPage }),
  },
  {
    path: 'calendar',
    lazy: async () => ({ Component: (await import('./calendar/CalendarPage')).CalendarPage }),
  },
  {
    path: 'channels',
    lazy: async () => ({ Component: (await import('./channels/ChannelsPage')).ChannelsPage }),
  },
  {
    path: 'users',
    lazy: async () => ({ Component: (await import('./people/UsersPage')).UsersPage }),
  },
  {
    path: 'units',
    lazy: async () => ({ Component: (await import('./people/UnitsPage')).UnitsPage }),
  },
  {
    path: 'roles',
    lazy: async () => ({ Component: (await import('./people/RolesPage')).RolesPage }),
  },
  {
    path: 'templates',
    lazy: async () => ({ Component: (await import('./templates/TemplatesPage')).TemplatesPage }),
  },
  {
    path: 'instances',
    lazy: async () => ({
      Component: (await import('./instances/InstanceMonitorPage')).InstanceMonitorPage,
    }),
  },
  {
    path: 'statistics',
    lazy: async () => ({ Component: (await import('./statistics/StatisticsPage')).StatisticsPage }),
  },
  {
    path: 'districts',
    lazy: async () => ({ Component: (await import('./districts/DistrictsPage')).DistrictsPage }),
  },
  {
    path: 'districts/new',
    lazy: async () => ({
      Component: (await import('./districts/NewDistrictWizardPage')).NewDistrictWizardPage,
    }),
  },
];

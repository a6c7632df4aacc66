import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { NotificationBell } from '../../modules/notifications/NotificationBell';
import { useT } from '../../shared/i18n';
import { LanguageSwitch } from '../../shared/LanguageSwitch';
import { FullPageSpin, useSession } from '../../shared/session';
import './layout-messages';
import { NavigationProgress } from './NavigationProgress';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

const HEADER_HEIGHT = 56;

/**
 * The signed-in frame: red header (district, notifications, language, user), navigation at the
 * side on wide screens and in a drawer on phones, the page in the middle.
 */
export function AppLayout() {
  const t = useT();
  const { district } = useSession();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // the designers need the whole width: no side menu there
  const fullWidth = /^\/admin\/(processes|forms)/.test(pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <NavigationProgress />
      <Layout.Header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 100,
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          display: 'flex',
          alignItems: 'center',
          gap: 8,
        }}
      >
        {(!wide || fullWidth) && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('layout.menu')}
            onClick={() => setMenuOpen(true)}
            style={{ color: '#fff' }}
          />
        )}
        <Link
          to="/inbox"
          style={{
            color: '#fff',
            minWidth: 0,
            flex: '1 1 auto',
            display: 'flex',
            alignItems: 'center',
            lineHeight: '24px',
          }}
        >
          <Typography.Text
            ellipsis
            style={{
              color: '#fff',
              fontSize: wide ? 17 : 15,
              fontWeight: 600,
              letterSpacing: 1,
              lineHeight: '24px',
            }}
          >
            {district.name}
            <span className="cf-hide-xs" style={{ fontWeight: 400, opacity: 0.85 }}>
              {'  ·  '}
              {t('common.appName')}
            </span>
          </Typography.Text>
        </Link>
        <Space size={0} style={{ flex: 'none' }}>
          <NotificationBell />
          <LanguageSwitch light />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        {wide && !fullWidth && (
          <Layout.Sider
            width={208}
            theme="light"
            style={{
              position: 'sticky',
              top: HEADER_HEIGHT,
              height: `calc(100vh - ${HEADER_HEIGHT}px)`,
              overflow: 'auto',
              borderInlineEnd: '1px solid #f0f0f0',
            }}
          >
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ minWidth: 0 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      <Drawer
        open={menuOpen}
        onClose={() => setMenuOpen(false)}
        placement="left"
        width={260}
        title={district.name}
        styles={{ body: { padding: 0 } }}
      >
        <NavMenu onNavigate={() => setMenuOpen(false)} />
      </Drawer>
    </Layout>
  );
}

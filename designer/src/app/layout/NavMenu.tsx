import { InboxOutlined, PlusCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { createElement } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { adminNavEntries, adminNavEntryOf } from '../../modules/admin/admin-nav';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import './layout-messages';

/** The destinations this person may use: everyone has the inbox and start; admins more. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { isAdmin, me } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: MenuProps['items'] = [
    { key: '/inbox', icon: <InboxOutlined />, label: t('layout.nav.inbox') },
    { key: '/start', icon: <PlusCircleOutlined />, label: t('layout.nav.start') },
  ];
  if (isAdmin) {
    items.push({
      key: 'admin',
      icon: <SettingOutlined />,
      label: t('layout.nav.admin'),
      children: [
        { key: '/admin', icon: <SettingOutlined />, label: t('layout.nav.adminHome') },
        ...adminNavEntries
          .filter((entry) => !entry.platformOnly || me?.isPlatformAdmin)
          .map((entry) => ({
            key: entry.path,
            icon: createElement(entry.icon),
            label: t(entry.labelKey),
          })),
      ],
    });
  }

  const selected = selectedKey(pathname);
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={selected.startsWith('/admin') ? ['admin'] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

function selectedKey(pathname: string): string {
  if (pathname.startsWith('/admin')) return adminNavEntryOf(pathname)?.path ?? '/admin';
  if (pathname.startsWith('/start')) return '/start';
  return '/inbox';
}

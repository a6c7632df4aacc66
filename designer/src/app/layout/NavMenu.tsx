import {
  ApartmentOutlined,
  FormOutlined,
  InboxOutlined,
  PlusCircleOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import './layout-messages';

/** The destinations this person may use: everyone has the inbox and start; admins more. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const { isAdmin } = useSession();
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
        { key: '/admin/processes', icon: <ApartmentOutlined />, label: t('layout.nav.processes') },
        { key: '/admin/forms', icon: <FormOutlined />, label: t('layout.nav.forms') },
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
  if (pathname.startsWith('/admin/processes')) return '/admin/processes';
  if (pathname.startsWith('/admin/forms')) return '/admin/forms';
  if (pathname.startsWith('/admin')) return '/admin';
  if (pathname.startsWith('/start')) return '/start';
  return '/inbox';
}

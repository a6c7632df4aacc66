import {
  BellOutlined,
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { ChangePasswordModal } from '../../modules/auth/ChangePasswordModal';
import { NotificationProfileModal } from '../../modules/auth/NotificationProfileModal';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import './layout-messages';

export function UserMenu() {
  const t = useT();
  const session = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const [editingProfile, setEditingProfile] = useState(false);
  const badge = session.isPlatformAdmin
    ? t('layout.platformAdmin')
    : session.isDistrictAdmin
      ? t('layout.districtAdmin')
      : undefined;

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div style={{ lineHeight: 1.4 }}>
                  <Typography.Text strong>{session.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {session.username}
                    {badge ? ` · ${badge}` : ''}
                  </Typography.Text>
                </div>
              ),
            },
            { type: 'divider' },
            {
              key: 'profile',
              icon: <BellOutlined />,
              label: t('auth.notificationProfile'),
            },
            { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
            { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'profile') setEditingProfile(true);
            if (key === 'password') setChangingPassword(true);
            if (key === 'logout') void session.logout();
          },
        }}
      >
        <Button type="text" style={{ color: '#fff', paddingInline: 6 }} aria-label={session.name}>
          <Space size={6}>
            <Avatar
              size="small"
              icon={<UserOutlined />}
              style={{ background: 'rgba(255,255,255,0.25)' }}
            />
            <span className="cf-hide-xs">{session.name}</span>
            <DownOutlined className="cf-hide-xs" style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
      <NotificationProfileModal open={editingProfile} onClose={() => setEditingProfile(false)} />
    </>
  );
}

import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n';
import './notification-messages';
import { NotificationDrawer } from './NotificationDrawer';
import { useUnreadCount } from './useUnreadCount';

export function NotificationBell() {
  const t = useT();
  const { count, refresh } = useUnreadCount();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="text"
        aria-label={t('notifications.bell', { count })}
        title={t('notifications.title')}
        onClick={() => setOpen(true)}
        style={{ color: '#fff' }}
        icon={
          <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
            <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
          </Badge>
        }
      />
      <NotificationDrawer
        open={open}
        onClose={() => setOpen(false)}
        onChanged={() => void refresh()}
      />
    </>
  );
}

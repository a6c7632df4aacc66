import { Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { AdminNavEntry } from './admin-nav';
import { useT } from '../../shared/i18n';

/** One destination of the administration start page: icon, name, what it is for. */
export function AdminEntryCard({ entry }: { entry: AdminNavEntry }) {
  const t = useT();
  const navigate = useNavigate();
  const Icon = entry.icon;
  return (
    <Card
      hoverable
      size="small"
      role="link"
      tabIndex={0}
      onClick={() => navigate(entry.path)}
      onKeyDown={(event) => event.key === 'Enter' && navigate(entry.path)}
      style={{ height: '100%' }}
    >
      <Card.Meta
        avatar={
          <span style={{ fontSize: 24, color: '#1f5bc4' }}>
            <Icon />
          </span>
        }
        title={t(entry.labelKey)}
        description={t(entry.textKey)}
      />
    </Card>
  );
}

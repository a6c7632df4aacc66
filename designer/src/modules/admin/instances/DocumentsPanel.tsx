import { FileTextOutlined } from '@ant-design/icons';
import { Empty, List, Typography } from 'antd';
import { apiUrl } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { InstanceDocument } from './instance-types';
import './instances-messages';

/** The official documents rendered for the instance; each opens as A4 HTML in a new tab. */
export function DocumentsPanel({ documents }: { documents: InstanceDocument[] }) {
  const t = useT();
  if (documents.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('adminInstances.drawer.noDocuments')}
      />
    );
  return (
    <List
      size="small"
      dataSource={documents}
      renderItem={(doc) => (
        <List.Item>
          <List.Item.Meta
            avatar={<FileTextOutlined style={{ fontSize: 18, color: '#a8071a' }} />}
            title={
              <a
                href={apiUrl(`/documents/${encodeURIComponent(doc.id)}`)}
                target="_blank"
                rel="noreferrer"
              >
                {doc.title}
              </a>
            }
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[doc.number, formatDateTime(doc.createdAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}

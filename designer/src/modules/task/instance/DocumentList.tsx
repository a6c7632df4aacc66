import {
  FilePdfOutlined,
  FileTextOutlined,
  FileWordOutlined,
  PrinterOutlined,
} from '@ant-design/icons';
import { Button, Empty, List, Typography } from 'antd';
import { apiUrl } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import type { DocumentRef } from '../task-types';
import '../task-messages';

const FORMATS = [
  { format: 'pdf', icon: <FilePdfOutlined /> },
  { format: 'docx', icon: <FileWordOutlined /> },
] as const;

/**
 * Official documents rendered by the server: the A4 print view in a new tab, and the PDF and
 * Word files the server makes once and keeps (a later download is the same file).
 */
export function DocumentList({ documents }: { documents: DocumentRef[] }) {
  const t = useT();
  if (documents.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.documents.empty')} />;
  }
  return (
    <List<DocumentRef>
      dataSource={documents}
      renderItem={(doc) => {
        const href = apiUrl(`/documents/${encodeURIComponent(doc.id)}`);
        return (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                icon={<PrinterOutlined />}
                href={href}
                target="_blank"
                rel="noopener"
                aria-label={`${t('task.documents.open')} ${doc.title}`}
              >
                <span className="cf-hide-xs">{t('task.documents.open')}</span>
              </Button>,
              ...FORMATS.map(({ format, icon }) => {
                const label = t('task.documents.downloadAs', {
                  format: t(`task.documents.${format}`),
                });
                return (
                  <Button
                    key={format}
                    size="small"
                    icon={icon}
                    href={`${href}/${format}`}
                    download
                    title={label}
                    aria-label={`${label} ${doc.title}`}
                  >
                    <span className="cf-hide-xs">{t(`task.documents.${format}`)}</span>
                  </Button>
                );
              }),
            ]}
          >
            <List.Item.Meta
              avatar={<FileTextOutlined style={{ fontSize: 20, color: '#a8071a' }} />}
              title={
                <a href={href} target="_blank" rel="noopener">
                  {doc.title}
                </a>
              }
              description={
                <Typography.Text type="secondary">
                  {[doc.number, formatDateTime(doc.createdAt)].filter(Boolean).join('　')}
                </Typography.Text>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

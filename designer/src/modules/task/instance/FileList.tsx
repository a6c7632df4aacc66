import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, List, Skeleton, Typography } from 'antd';
import { apiUrl } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { formatSize } from '../../../shared/form-components/file-upload';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { useApiQuery } from '../../../shared/useApiQuery';
import { useUserNames } from '../../../shared/useUserNames';
import '../task-messages';
import { activityNames } from './history-entry';

interface InstanceFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
  activityId?: string;
  uploadedBy: string;
  createdAt: string;
}

/** GET /instances/:id/files: every file the case's forms carried, with the step it came with. */
export function FileList({ instanceId, diagramXml }: { instanceId: string; diagramXml?: string }) {
  const t = useT();
  const files = useApiQuery<InstanceFile[]>(`/instances/${encodeURIComponent(instanceId)}/files`);
  const names = useUserNames(files.data?.map((file) => file.uploadedBy) ?? []);
  const steps = activityNames(diagramXml);
  if (files.error)
    return <LoadError compact error={files.error} onRetry={() => void files.reload()} />;
  if (!files.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (files.data.length === 0) return null;
  return (
    <List<InstanceFile>
      header={<Typography.Text strong>{t('task.files.title')}</Typography.Text>}
      dataSource={files.data}
      renderItem={(file) => {
        const href = apiUrl(`/files/${encodeURIComponent(file.id)}`);
        const step =
          file.activityId === 'start'
            ? t('task.files.start')
            : (file.activityId && steps.get(file.activityId)) || file.activityId;
        return (
          <List.Item
            actions={[
              <Button
                key="download"
                size="small"
                icon={<DownloadOutlined />}
                href={apiUrl(`/files/${encodeURIComponent(file.id)}`, { download: 1 })}
                aria-label={`${t('task.files.download')} ${file.name}`}
              >
                <span className="cf-hide-xs">{t('task.files.download')}</span>
              </Button>,
            ]}
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined style={{ fontSize: 18 }} />}
              title={
                <a href={href} target="_blank" rel="noopener">
                  {file.name}
                </a>
              }
              description={
                <Typography.Text type="secondary">
                  {[
                    step,
                    names.nameOf(file.uploadedBy) ?? '',
                    formatSize(file.size),
                    formatDateTime(file.createdAt),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}

import {
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { connect, mapReadPretty, useField } from '@formily/react';
import { Alert, Button, List, Progress, Space, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { apiUrl } from '../api';
import { useT } from '../i18n';
import { formatSize, type UploadedFile, uploadFile, UploadError } from './file-upload';
import './form-components-messages';

/** One attachment row: an uploaded file (id); older rows may hold a name (and a url) only. */
export interface AttachmentEntry {
  id?: string;
  name: string;
  size?: number;
  contentType?: string;
  url?: string;
}

export interface AttachmentsProps {
  value?: AttachmentEntry[];
  onChange?: (value: AttachmentEntry[]) => void;
  disabled?: boolean;
}

function hrefOf(entry: AttachmentEntry, download = false): string | undefined {
  if (entry.id)
    return apiUrl(`/files/${encodeURIComponent(entry.id)}`, download ? { download: 1 } : undefined);
  return entry.url;
}

function FileName({ entry }: { entry: AttachmentEntry }) {
  const href = hrefOf(entry);
  return (
    <Space size={6} wrap>
      <PaperClipOutlined />
      {href ? (
        <a href={href} target="_blank" rel="noopener">
          {entry.name}
        </a>
      ) : (
        entry.name
      )}
      {entry.size !== undefined && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatSize(entry.size)}
        </Typography.Text>
      )}
    </Space>
  );
}

function AttachmentLinks({ value }: { value?: AttachmentEntry[] }) {
  const t = useT();
  if (!value?.length)
    return <Typography.Text type="secondary">{t('formComponents.noAttachments')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={value}
      renderItem={(item, index) => (
        <List.Item
          key={item.id ?? index}
          style={{ paddingInline: 0 }}
          actions={
            item.id
              ? [
                  <Button
                    key="download"
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    href={hrefOf(item, true)}
                    aria-label={`${t('formComponents.download')} ${item.name}`}
                  />,
                ]
              : undefined
          }
        >
          <FileName entry={item} />
        </List.Item>
      )}
    />
  );
}

interface InFlight {
  key: string;
  name: string;
  percent: number;
}

/**
 * Files uploaded to the server as they are chosen (with progress), kept as rows of the form's
 * value; the server checks type and size by content and says why it refuses one.
 */
export function AttachmentsInput({ value = [], onChange, disabled }: AttachmentsProps) {
  const t = useT();
  const [uploading, setUploading] = useState<InFlight[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const rows = value;
  // Formily's field holds the value as it is now (uploads finish at any time, in any order)
  const field = useField() as unknown as { value?: AttachmentEntry[] } | undefined;
  const latest = useRef(rows);
  latest.current = rows;
  const rowsNow = () => field?.value ?? latest.current;

  const start = (file: File) => {
    const key = `${file.name}:${Date.now()}:${Math.random()}`;
    setUploading((list) => [...list, { key, name: file.name, percent: 0 }]);
    uploadFile(file, (percent) =>
      setUploading((list) => list.map((u) => (u.key === key ? { ...u, percent } : u))),
    )
      .then((uploaded: UploadedFile) => {
        onChange?.([...rowsNow(), uploaded]);
      })
      .catch((error: unknown) => {
        const reason =
          error instanceof UploadError && error.message !== 'network'
            ? error.message
            : t('formComponents.uploadFailed');
        setRefused((list) => [...list, `${file.name}：${reason}`]);
      })
      .finally(() => setUploading((list) => list.filter((u) => u.key !== key)));
    return false; // antd must not upload by itself
  };

  // every child keeps a key: Space keys unkeyed children by position, and an upload finishing
  // would shift the picker's position, remount it and drop a file chosen at that moment
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {rows.length > 0 && (
        <List
          key="rows"
          size="small"
          bordered
          dataSource={rows}
          renderItem={(item, index) => (
            <List.Item
              actions={
                disabled
                  ? undefined
                  : [
                      <Button
                        key="remove"
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`${t('formComponents.removeAttachment')} ${item.name}`}
                        onClick={() => onChange?.(rows.filter((_, i) => i !== index))}
                      />,
                    ]
              }
            >
              <FileName entry={item} />
            </List.Item>
          )}
        />
      )}
      {uploading.map((u) => (
        <div key={u.key}>
          <Typography.Text>{u.name}</Typography.Text>
          <Progress percent={u.percent} size="small" status="active" />
        </div>
      ))}
      {refused.map((message, i) => (
        <Alert
          key={`refused-${i}`}
          type="error"
          showIcon
          message={message}
          closable
          onClose={() => setRefused((list) => list.filter((_, j) => j !== i))}
        />
      ))}
      {!disabled && (
        <Upload key="upload" multiple showUploadList={false} beforeUpload={start}>
          <Button icon={<UploadOutlined />}>{t('formComponents.addAttachment')}</Button>
        </Upload>
      )}
    </Space>
  );
}

export const Attachments = connect(AttachmentsInput, mapReadPretty(AttachmentLinks));

import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { connect, mapReadPretty } from '@formily/react';
import { Alert, Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import './form-components-messages';

/** One attachment entry. Upload is not available yet: for now a person registers the file name. */
export interface AttachmentEntry {
  name: string;
  url?: string;
}

export interface AttachmentsProps {
  value?: AttachmentEntry[];
  onChange?: (value: AttachmentEntry[]) => void;
  disabled?: boolean;
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
        <List.Item key={index} style={{ paddingInline: 0 }}>
          <Space>
            <PaperClipOutlined />
            {item.url ? (
              <a href={item.url} target="_blank" rel="noreferrer">
                {item.name}
              </a>
            ) : (
              item.name
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * Placeholder for attachments until file upload exists in the API: explains how to hand files in
 * and lets the person list their names, so the record says what was sent.
 */
export function AttachmentsInput({ value = [], onChange, disabled }: AttachmentsProps) {
  const t = useT();
  const [name, setName] = useState('');
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    onChange?.([...value, { name: trimmed }]);
    setName('');
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon message={t('formComponents.attachmentsPending')} />
      {value.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={value}
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
                        aria-label={t('formComponents.removeAttachment')}
                        onClick={() => onChange?.(value.filter((_, i) => i !== index))}
                      />,
                    ]
              }
            >
              <Space>
                <PaperClipOutlined />
                {item.name}
              </Space>
            </List.Item>
          )}
        />
      )}
      {!disabled && (
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault();
              add();
            }}
            placeholder={t('formComponents.attachmentName')}
          />
          <Button onClick={add}>{t('formComponents.addAttachment')}</Button>
        </Space.Compact>
      )}
    </Space>
  );
}

export const Attachments = connect(AttachmentsInput, mapReadPretty(AttachmentLinks));

import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { DurationInput } from './DurationInput';
import './parameters-messages';

/** A list of durations (reminders before a deadline): one builder per entry, add and remove. */
export function DurationListInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: (string | undefined)[];
  onChange?: (value: (string | undefined)[]) => void;
}) {
  const t = useT();
  const list = value ?? [];
  const set = (index: number, next: string | undefined) =>
    onChange?.(list.map((entry, i) => (i === index ? next : entry)));
  return (
    <div id={id}>
      {list.length === 0 && (
        <Typography.Text type="secondary">{t('adminParams.duration.emptyList')}</Typography.Text>
      )}
      {list.map((entry, index) => (
        <Space key={index} align="start" style={{ display: 'flex', marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ lineHeight: '32px', width: 20 }}>
            {index + 1}.
          </Typography.Text>
          <DurationInput value={entry} onChange={(next) => set(index, next)} />
          <Button
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('adminParams.codes.remove')}
            onClick={() => onChange?.(list.filter((_, i) => i !== index))}
          />
        </Space>
      ))}
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        onClick={() => onChange?.([...list, 'P3D'])}
        style={{ marginTop: list.length ? 0 : 8 }}
      >
        {t('adminParams.duration.add')}
      </Button>
    </div>
  );
}

import { Collapse, Descriptions } from 'antd';
import { useT } from '../../../shared/i18n';
import '../task-messages';
import { ReadOnlyValue } from './ReadOnlyValue';

/** Earlier steps' data that the form itself does not show, read-only, folded open. */
export function EarlierStepsPanel({
  entries,
  titles,
}: {
  entries: [string, unknown][];
  titles?: Record<string, string>;
}) {
  const t = useT();
  if (entries.length === 0) return null;
  return (
    <Collapse
      defaultActiveKey={['earlier']}
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'earlier',
          label: t('task.readOnlyTitle'),
          children: (
            <Descriptions
              column={1}
              size="small"
              bordered
              items={entries.map(([key, value]) => ({
                key,
                label: titles?.[key] ?? key,
                children: <ReadOnlyValue value={value} />,
              }))}
            />
          ),
        },
      ]}
    />
  );
}

import { Tag } from 'antd';
import { registerMessages, useT } from '../i18n';

registerMessages('priority', {
  'zh-CN': { high: '紧急', normal: '普通', low: '较低' },
  en: { high: 'High', normal: 'Normal', low: 'Low' },
});

export type PriorityBand = 'high' | 'normal' | 'low';

/** camunda:priority is 0–100 (50 by default): 70 and above is high, 30 and below low. */
export function priorityBand(priority: number | undefined): PriorityBand {
  if (priority === undefined || priority === null) return 'normal';
  if (priority >= 70) return 'high';
  if (priority <= 30) return 'low';
  return 'normal';
}

/** Only unusual priorities get a tag, so the list stays calm; `always` shows normal too. */
export function PriorityTag({ priority, always }: { priority?: number; always?: boolean }) {
  const t = useT();
  const band = priorityBand(priority);
  if (band === 'normal' && !always) return null;
  const color = band === 'high' ? 'magenta' : band === 'low' ? 'default' : 'blue';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t(`priority.${band}`)}
    </Tag>
  );
}

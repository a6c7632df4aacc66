import { MinusOutlined, PlusOutlined, SwapRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export interface DiffLine {
  kind: 'added' | 'removed' | 'renamed';
  key: string;
  text: ReactNode;
}

const LOOK = {
  added: { color: '#389e0d', icon: <PlusOutlined /> },
  removed: { color: '#cf1322', icon: <MinusOutlined /> },
  renamed: { color: '#d46b08', icon: <SwapRightOutlined /> },
};

/** A titled list of + / − / → lines; nothing when empty. */
export function DiffLines({ title, lines }: { title: string; lines: DiffLine[] }) {
  if (lines.length === 0) return null;
  return (
    <div style={{ marginTop: 6 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {title}
      </Typography.Text>
      <ul style={{ listStyle: 'none', margin: '2px 0 0', padding: 0 }}>
        {lines.map((line) => (
          <li key={line.key} style={{ color: LOOK[line.kind].color, lineHeight: '22px' }}>
            <span style={{ marginInlineEnd: 6 }}>{LOOK[line.kind].icon}</span>
            <span style={{ color: '#262626' }}>{line.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { Grid, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A screen's frame: title row (with optional extra on the right), then the content. */
export function Page({
  title,
  subtitle,
  extra,
  children,
  maxWidth = 1280,
}: {
  title?: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  maxWidth?: number;
}) {
  const screens = Grid.useBreakpoint();
  const padding = screens.md ? 24 : 12;
  return (
    <div style={{ padding, maxWidth, margin: '0 auto', width: '100%', boxSizing: 'border-box' }}>
      {(title || extra) && (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            flexWrap: 'wrap',
            gap: 8,
            marginBottom: screens.md ? 16 : 10,
          }}
        >
          <div style={{ flex: '1 1 auto', minWidth: 0 }}>
            {title && (
              <Typography.Title level={screens.md ? 3 : 4} style={{ margin: 0 }}>
                {title}
              </Typography.Title>
            )}
            {subtitle && <div style={{ marginTop: 4 }}>{subtitle}</div>}
          </div>
          {extra && <div style={{ flex: 'none' }}>{extra}</div>}
        </div>
      )}
      {children}
    </div>
  );
}

import { CheckCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../shared/i18n';
import './districts-messages';

const PHASES = ['check', 'accounts', 'install', 'parameters'] as const;

/**
 * While POST /districts runs (one request: the server reports no phases), what is being done and
 * for how long; the phases turn green together when it answers.
 */
export function CreatingView({ name, templateCount }: { name: string; templateCount: number }) {
  const t = useT();
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const timer = window.setInterval(
      () => setSeconds(Math.round((Date.now() - started) / 1000)),
      1000,
    );
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Card>
      <div role="status" aria-live="polite" style={{ textAlign: 'center', padding: '24px 0' }}>
        <Spin size="large" />
        <Typography.Title level={4} style={{ marginTop: 16 }}>
          {t('adminDistricts.wizard.progress.title', { name })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto 16px' }}>
          {t('adminDistricts.wizard.progress.text', { count: templateCount })}
        </Typography.Paragraph>
        <Space direction="vertical" align="start" style={{ textAlign: 'left' }}>
          {PHASES.filter((phase) => phase !== 'install' || templateCount > 0).map((phase) => (
            <Space key={phase}>
              <LoadingOutlined style={{ color: '#1f5bc4' }} />
              <span>{t(`adminDistricts.wizard.progress.${phase}`)}</span>
            </Space>
          ))}
        </Space>
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">
            {t('adminDistricts.wizard.progress.elapsed', { seconds })}
          </Typography.Text>
        </div>
      </div>
    </Card>
  );
}

export function DonePhase({ label }: { label: string }) {
  return (
    <Space>
      <CheckCircleFilled style={{ color: '#52c41a' }} />
      <span>{label}</span>
    </Space>
  );
}

import { Alert, Button, Card, Descriptions, Grid, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { DonePhase } from './CreatingView';
import './districts-messages';

export interface CreatedDistrict {
  id: string;
  name: string;
  templateCount: number;
  admin: { username: string; name: string; password: string };
}

/** The result: the new district's id, what was done, and the account to hand over. */
export function CreatedView({
  created,
  onAnother,
}: {
  created: CreatedDistrict;
  onAnother: () => void;
}) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const address = `${window.location.origin}/login`;
  return (
    <Card>
      <Result
        status="success"
        style={screens.sm ? undefined : { padding: '16px 0' }}
        title={t('adminDistricts.wizard.done.title', { name: created.name })}
        subTitle={t('adminDistricts.wizard.done.subtitle', {
          id: created.id,
          count: created.templateCount,
        })}
        extra={
          <Space wrap style={{ justifyContent: 'center' }}>
            <Link to="/admin/districts">
              <Button type="primary">{t('adminDistricts.wizard.done.toList')}</Button>
            </Link>
            <Button onClick={onAnother}>{t('adminDistricts.wizard.done.another')}</Button>
          </Space>
        }
      />
      <Space
        direction="vertical"
        size={12}
        style={{ width: '100%', maxWidth: 720, margin: '0 auto', display: 'flex' }}
      >
        <Space direction="vertical" size={4}>
          {(['check', 'accounts', 'install', 'parameters'] as const)
            .filter((phase) => phase !== 'install' || created.templateCount > 0)
            .map((phase) => (
              <DonePhase key={phase} label={t(`adminDistricts.wizard.progress.${phase}`)} />
            ))}
        </Space>
        <Typography.Text strong>{t('adminDistricts.wizard.done.handover')}</Typography.Text>
        <Descriptions
          bordered
          size="small"
          column={1}
          layout={screens.sm ? 'horizontal' : 'vertical'}
        >
          <Descriptions.Item label={t('adminDistricts.wizard.done.address')}>
            <Typography.Text copyable>{address}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('adminDistricts.wizard.done.username')}>
            <Typography.Text copyable code>
              {created.admin.username}
            </Typography.Text>{' '}
            {created.admin.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('adminDistricts.wizard.done.password')}>
            <Typography.Text copyable code>
              {created.admin.password}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Alert type="warning" showIcon message={t('adminDistricts.wizard.done.passwordNote')} />
      </Space>
    </Card>
  );
}

import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  Result,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { useBack } from '../../shared/useBack';
import { useApiQuery } from '../../shared/useApiQuery';
import { useUserNames } from '../../shared/useUserNames';
import { StatusTag } from '../inbox/components/StatusTag';
import { CurrentTasks } from './instance/CurrentTasks';
import { InstanceSectionBody, InstanceTabs } from './instance/InstanceTabs';
import type { InstanceDetail } from './task-types';
import './task-messages';

/** One case (instance): where it stands, its history, diagram and documents. */
export function InstancePage() {
  const t = useT();
  const navigate = useNavigate();
  const back = useBack();
  const { id: me } = useSession();
  const { instanceId = '' } = useParams();
  const query = useApiQuery<InstanceDetail>(`/instances/${encodeURIComponent(instanceId)}`);
  const { nameOf: starterName } = useUserNames([query.data?.instance.starter]);
  const wide = Grid.useBreakpoint().lg ?? true;

  if (query.error && !query.data) {
    if (isApiError(query.error, 404)) {
      return (
        <Result
          status="404"
          title={t('common.notFoundTitle')}
          subTitle={t('errors.NOT_FOUND')}
          extra={<Button onClick={() => navigate('/inbox')}>{t('common.backHome')}</Button>}
        />
      );
    }
    return (
      <Page>
        <LoadError error={query.error} onRetry={() => void query.reload()} />
      </Page>
    );
  }
  if (!query.data) {
    return (
      <Page>
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Page>
    );
  }

  const { instance } = query.data;
  const summary = (
    <Descriptions
      size="small"
      column={wide ? 3 : 1}
      items={[
        {
          key: 'process',
          label: t('task.meta.process'),
          children: instance.processName || instance.processKey,
        },
        ...(instance.businessKey
          ? [{ key: 'bk', label: t('task.meta.businessKey'), children: instance.businessKey }]
          : []),
        {
          key: 'status',
          label: t('task.meta.status'),
          children: <StatusTag status={instance.status} />,
        },
        {
          key: 'starter',
          label: t('task.meta.starter'),
          children:
            instance.starterName ??
            (instance.starter ? (starterName(instance.starter) ?? '…') : '—'),
        },
        {
          key: 'startedAt',
          label: t('task.meta.startedAt'),
          children: formatDateTime(instance.startedAt) || '—',
        },
        ...(instance.endedAt
          ? [
              {
                key: 'endedAt',
                label: t('task.meta.endedAt'),
                children: formatDateTime(instance.endedAt),
              },
            ]
          : []),
      ]}
    />
  );
  const current = (
    <Card size="small" title={t('task.currentTasks')} style={{ marginBottom: 16 }}>
      <CurrentTasks
        tasks={query.data.tasks ?? []}
        isStarter={instance.starter === me}
        onReminded={() => void query.reload()}
      />
    </Card>
  );

  return (
    <Page
      title={
        <Space size={8} wrap>
          <span>{instance.processName || instance.processKey}</span>
          {instance.businessKey && (
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
              {instance.businessKey}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        wide ? (
          <Button icon={<ArrowLeftOutlined />} onClick={back}>
            {t('common.back')}
          </Button>
        ) : undefined
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        {summary}
      </Card>
      {wide ? (
        <Row gutter={16} align="top">
          <Col span={16}>
            {current}
            <Card styles={{ body: { padding: '0 24px 24px' } }}>
              <InstanceTabs instance={query} sections={['diagram', 'documents']} />
            </Card>
          </Col>
          <Col span={8}>
            <Card title={t('task.sections.history')} size="small">
              <InstanceSectionBody instance={query} section="history" />
            </Card>
          </Col>
        </Row>
      ) : (
        <>
          {current}
          <Card styles={{ body: { padding: '0 12px 12px' } }}>
            <InstanceTabs instance={query} sections={['history', 'diagram', 'documents']} />
          </Card>
        </>
      )}
    </Page>
  );
}

import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Input, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { LoadError } from '../../shared/ui/LoadError';
import { Page } from '../../shared/ui/Page';
import { loadStartable, type StartableProcess } from './startable';
import './start-messages';

/** The processes this person may start, as cards. */
export function StartListPage() {
  const t = useT();
  const navigate = useNavigate();
  const [processes, setProcesses] = useState<StartableProcess[]>();
  const [error, setError] = useState<unknown>();
  const [q, setQ] = useState('');

  const load = () => {
    setError(undefined);
    loadStartable().then(setProcesses, setError);
  };
  useEffect(load, []);

  const shown = (processes ?? []).filter((p) =>
    `${p.name ?? ''} ${p.key} ${p.description ?? ''}`
      .toLowerCase()
      .includes(q.trim().toLowerCase()),
  );

  return (
    <Page
      title={t('start.title')}
      subtitle={<Typography.Text type="secondary">{t('start.subtitle')}</Typography.Text>}
    >
      {error ? (
        <LoadError error={error} onRetry={load} />
      ) : !processes ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : processes.length === 0 ? (
        <Card>
          <Empty description={t('start.empty')} />
        </Card>
      ) : (
        <>
          {processes.length > 6 && (
            <Input.Search
              allowClear
              placeholder={t('start.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              style={{ maxWidth: 360, marginBottom: 16 }}
            />
          )}
          {shown.length === 0 && <Empty description={t('start.noMatch')} />}
          <Row gutter={[16, 16]}>
            {shown.map((p) => (
              <Col key={p.key} xs={24} md={12} xl={8}>
                <Card
                  hoverable
                  onClick={() => navigate(`/start/${encodeURIComponent(p.key)}`)}
                  style={{ height: '100%' }}
                  styles={{ body: { display: 'flex', alignItems: 'center', gap: 12 } }}
                >
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {p.name || p.key}
                    </Typography.Text>
                    {p.description && (
                      <Typography.Paragraph
                        type="secondary"
                        ellipsis={{ rows: 2 }}
                        style={{ margin: '6px 0 0' }}
                      >
                        {p.description}
                      </Typography.Paragraph>
                    )}
                  </div>
                  <RightOutlined style={{ color: '#bfbfbf' }} />
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
    </Page>
  );
}

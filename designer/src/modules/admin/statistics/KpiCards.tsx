import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { percent, type Rate, type Statistics } from './statistics-types';
import './statistics-messages';

function RateCard({ title, rate }: { title: string; rate: Rate }) {
  const t = useT();
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Statistic title={title} value={percent(rate.rate)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {rate.total === 0
          ? t('adminStats.kpi.noData')
          : t('adminStats.kpi.ofTotal', { count: rate.count, total: rate.total })}
      </Typography.Text>
    </Card>
  );
}

/** The headline figures: how many, how many running, on time (tasks, replies), satisfied. */
export function KpiCards({ statistics }: { statistics: Statistics }) {
  const t = useT();
  const total = Object.values(statistics.byStatus).reduce((sum, n) => sum + n, 0);
  const running =
    (statistics.byStatus.running ?? 0) +
    (statistics.byStatus.suspended ?? 0) +
    (statistics.byStatus.incident ?? 0);
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      <Col xs={12} md={8} xl={4}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('adminStats.kpi.total')} value={total} />
        </Card>
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('adminStats.kpi.running')} value={running} />
        </Card>
      </Col>
      <Col xs={12} md={8} xl={5}>
        <RateCard title={t('adminStats.kpi.tasksOnTime')} rate={statistics.onTimeRate.tasks} />
      </Col>
      <Col xs={12} md={12} xl={5}>
        <RateCard
          title={t('adminStats.kpi.instancesOnTime')}
          rate={statistics.onTimeRate.instances}
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <RateCard title={t('adminStats.kpi.satisfaction')} rate={statistics.satisfactionRate} />
      </Col>
    </Row>
  );
}

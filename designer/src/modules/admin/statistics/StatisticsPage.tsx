import { Card, Col, DatePicker, Empty, Grid, Row, Select, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import { Page } from '../../../shared/ui/Page';
import { useApiQuery } from '../../../shared/useApiQuery';
import { EChart } from '../common/EChart';
import '../instances/instances-messages';
import { useProcessOptions } from '../instances/useProcessOptions';
import { processBars, replyCodePie, statusPie, unitRateBars } from './chart-options';
import { KpiCards } from './KpiCards';
import type { Statistics } from './statistics-types';
import './statistics-messages';
import { UnitFiguresTable } from './UnitFiguresTable';

/** GET /statistics with process and date filters (in the URL): figures, charts, units. */
export function StatisticsPage() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const [params, setParams] = useSearchParams();
  const processKey = params.get('processKey') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const processes = useProcessOptions();
  const stats = useApiQuery<Statistics>('/statistics', {
    processKey,
    from,
    // the page's end date is inclusive; the API's `to` is not
    to: to ? dayjs(to).add(1, 'day').format('YYYY-MM-DD') : undefined,
  });
  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const data = stats.data;
  const options = useMemo(() => {
    const statusName = (s: string) => t(`adminInstances.status.${s}`);
    return (
      data && {
        status: statusPie(data.byStatus, statusName, compact),
        processes: processBars(data.byProcess, statusName),
        codes: replyCodePie(data.replyCodes, compact),
        units: unitRateBars(data.units, {
          onTime: t('adminStats.charts.onTime'),
          satisfaction: t('adminStats.charts.satisfaction'),
          unitName: (u) => u.name ?? t('adminStats.units.unknownUnit'),
        }),
      }
    );
  }, [data, t, compact]);
  const [fromLabel, toLabel] = t('adminStats.dates').split(',');
  const total = data ? Object.values(data.byStatus).reduce((sum, n) => sum + n, 0) : 0;

  let body;
  if (stats.error && !data)
    body = <LoadError error={stats.error} onRetry={() => void stats.reload()} />;
  else if (!data || !options) body = <Skeleton active paragraph={{ rows: 10 }} />;
  else if (total === 0)
    body = (
      <Card>
        <Empty description={t('adminStats.empty')} />
      </Card>
    );
  else
    body = (
      <>
        <KpiCards statistics={data} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('adminStats.charts.byStatus')}>
              <EChart
                option={options.status}
                label={t('adminStats.charts.byStatus')}
                height={280}
              />
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('adminStats.charts.byProcess')}>
              <EChart
                option={options.processes}
                label={t('adminStats.charts.byProcess')}
                height={280}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('adminStats.charts.replyCodes')}>
              {data.replyCodes.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('adminStats.charts.noReplyCodes')}
                  style={{ height: 248, paddingTop: 60 }}
                />
              ) : (
                <EChart
                  option={options.codes}
                  label={t('adminStats.charts.replyCodes')}
                  height={280}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('adminStats.charts.units')}>
              {data.units.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('adminStats.charts.noUnits')}
                  style={{ height: 248, paddingTop: 60 }}
                />
              ) : (
                <EChart
                  option={options.units}
                  label={t('adminStats.charts.units')}
                  height={Math.max(280, Math.min(data.units.length, 15) * 36 + 60)}
                />
              )}
            </Card>
          </Col>
          {data.units.length > 0 && (
            <Col span={24}>
              <Card
                size="small"
                title={t('adminStats.units.title')}
                styles={{ body: { padding: 0 } }}
              >
                <UnitFiguresTable units={data.units} />
              </Card>
            </Col>
          )}
        </Row>
      </>
    );

  return (
    <Page title={t('adminStats.title')} subtitle={t('adminStats.subtitle')}>
      <div style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={processKey}
          placeholder={t('adminStats.allProcesses')}
          options={processes.options}
          onChange={(value?: string) => set({ processKey: value })}
          style={{ flex: '1 1 160px', maxWidth: 240 }}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[fromLabel, toLabel]}
          value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
          onChange={(range) =>
            set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
          }
          style={{ flex: '1 1 240px', maxWidth: 300 }}
        />
      </div>
      {body}
    </Page>
  );
}

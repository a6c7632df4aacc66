import type { EChartOption } from '../common/EChart';
import {
  STATUS_COLOURS,
  STATUS_ORDER,
  type Statistics,
  type UnitFigures,
} from './statistics-types';

/** Pure builders of the dashboard's chart options (names already in the person's language). */

const TOOLTIP_PERCENT = '{b}: {c} ({d}%)';

export function statusPie(
  byStatus: Statistics['byStatus'],
  statusName: (s: string) => string,
  compact = false,
): EChartOption {
  return {
    tooltip: { trigger: 'item', formatter: TOOLTIP_PERCENT },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { show: !compact, formatter: '{b}\n{c}' },
        data: STATUS_ORDER.filter((s) => (byStatus[s] ?? 0) > 0).map((s) => ({
          name: statusName(s),
          value: byStatus[s],
          itemStyle: { color: STATUS_COLOURS[s] },
        })),
      },
    ],
  };
}

export function processBars(
  byProcess: Statistics['byProcess'],
  statusName: (s: string) => string,
): EChartOption {
  const names = byProcess.map((p) => p.processName ?? p.processKey);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: STATUS_ORDER.map((s) => ({
      type: 'bar',
      stack: 'status',
      name: statusName(s),
      itemStyle: { color: STATUS_COLOURS[s] },
      barMaxWidth: 28,
      data: byProcess.map((p) => p.byStatus[s] ?? 0),
    })),
  };
}

/** Slices named by code (“A”); the legend and tooltip add the code's meaning. */
export function replyCodePie(replyCodes: Statistics['replyCodes'], compact = false): EChartOption {
  const labels = new Map(replyCodes.map((c) => [c.code, c.label ?? '']));
  const short = (text: string) => (text.length > 10 ? `${text.slice(0, 10)}…` : text);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value, percent } = p as { name: string; value: number; percent: number };
        return `${name} ${labels.get(name) ?? ''}<br/>${value} (${percent}%)`;
      },
    },
    legend: {
      bottom: 0,
      type: 'scroll',
      formatter: (name: string) => `${name} ${short(labels.get(name) ?? '')}`.trim(),
    },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { show: !compact, formatter: '{b}\n{d}%' },
        data: replyCodes.map((c) => ({ name: c.code, value: c.count })),
      },
    ],
  };
}

export function unitRateBars(
  units: UnitFigures[],
  words: { onTime: string; satisfaction: string; unitName: (u: UnitFigures) => string },
): EChartOption {
  const shown = units.slice(0, 15);
  const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`),
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: shown.map(words.unitName),
      inverse: true,
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: words.onTime,
        barMaxWidth: 14,
        itemStyle: { color: '#1f5bc4' },
        data: shown.map((u) => pct(u.onTime.rate)),
      },
      {
        type: 'bar',
        name: words.satisfaction,
        barMaxWidth: 14,
        itemStyle: { color: '#52c41a' },
        data: shown.map((u) => pct(u.satisfaction.rate)),
      },
    ],
  };
}

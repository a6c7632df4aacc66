import { Empty, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useT } from '../../../shared/i18n';
import type { InstanceDetail } from '../task-types';
import '../task-messages';

const BpmnDiagram = lazy(() => import('../diagram/BpmnDiagram'));

/** Loads bpmn-js only when the diagram is actually shown. */
export function DiagramPanel({
  diagram,
  height,
}: {
  diagram?: InstanceDetail['diagram'];
  height?: number;
}) {
  const t = useT();
  if (!diagram?.xml)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.diagram.unavailable')} />
    );
  return (
    <Suspense
      fallback={
        <div style={{ height: height ?? 420, display: 'grid', placeItems: 'center' }}>
          <Spin tip={t('task.diagram.loading')}>
            <div style={{ width: 120, height: 40 }} />
          </Spin>
        </div>
      }
    >
      <BpmnDiagram
        xml={diagram.xml}
        completed={diagram.completed ?? []}
        active={diagram.active ?? []}
        height={height}
      />
    </Suspense>
  );
}

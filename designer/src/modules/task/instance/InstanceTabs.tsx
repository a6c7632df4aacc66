import { Badge, Skeleton, Tabs, type TabsProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import { LoadError } from '../../../shared/ui/LoadError';
import type { ApiQuery } from '../../../shared/useApiQuery';
import type { InstanceDetail } from '../task-types';
import '../task-messages';
import { DiagramPanel } from './DiagramPanel';
import { DocumentList } from './DocumentList';
import { FileList } from './FileList';
import { Timeline } from './Timeline';

export type InstanceSection = 'history' | 'diagram' | 'documents';

/**
 * The instance's history, diagram and documents as tabs, optionally after a leading tab (the task
 * form). Tabs render when first opened, so bpmn-js loads only if the diagram is looked at.
 */
export function InstanceTabs({
  instance,
  sections,
  leading,
}: {
  instance: ApiQuery<InstanceDetail>;
  sections: InstanceSection[];
  leading?: { key: string; label: ReactNode; children: ReactNode };
}) {
  const t = useT();
  const items: NonNullable<TabsProps['items']> = [];
  if (leading) items.push(leading);
  for (const key of sections) {
    const count = key === 'documents' ? instance.data?.documents?.length : undefined;
    items.push({
      key,
      label: (
        <span>
          {t(`task.sections.${key}`)}
          {count ? (
            <Badge count={count} size="small" color="#8c8c8c" style={{ marginInlineStart: 4 }} />
          ) : null}
        </span>
      ),
      children: <InstanceSectionBody instance={instance} section={key} />,
    });
  }
  return <Tabs items={items} />;
}

export function InstanceSectionBody({
  instance,
  section,
}: {
  instance: ApiQuery<InstanceDetail>;
  section: InstanceSection;
}) {
  if (instance.error && !instance.data) {
    return <LoadError compact error={instance.error} onRetry={() => void instance.reload()} />;
  }
  if (!instance.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (section === 'history') {
    return (
      <Timeline
        history={instance.data.history ?? []}
        tasks={instance.data.tasks ?? []}
        diagramXml={instance.data.diagram?.xml}
      />
    );
  }
  if (section === 'diagram') return <DiagramPanel diagram={instance.data.diagram} />;
  return (
    <>
      <DocumentList documents={instance.data.documents ?? []} />
      <FileList instanceId={instance.data.instance.id} diagramXml={instance.data.diagram?.xml} />
    </>
  );
}

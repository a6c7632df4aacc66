/**
 * The read-only process diagram (bpmn-js NavigatedViewer: drag to pan, wheel/pinch to zoom) with
 * completed and active activities marked. Loaded lazily: bpmn-js is large and most visits to a
 * task never open the diagram.
 */
import { ExpandOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Tag } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../shared/i18n';
import '../task-messages';
import './bpmn-markers.css';

export interface BpmnDiagramProps {
  xml: string;
  completed: string[];
  active: string[];
  height?: number;
}

interface Canvas {
  addMarker: (id: string, marker: string) => void;
  zoom: (level: string | number, center?: string) => void;
}
interface ElementRegistry {
  get: (id: string) => unknown;
}

export default function BpmnDiagram({
  xml,
  completed,
  active,
  height = window.innerWidth < 768 ? 320 : 420,
}: BpmnDiagramProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    if (!container.current) return;
    const instance = new NavigatedViewer({ container: container.current });
    viewer.current = instance;
    let alive = true;
    setStatus('loading');
    instance
      .importXML(xml)
      .then(() => {
        if (!alive) return;
        const canvas = instance.get<Canvas>('canvas');
        const registry = instance.get<ElementRegistry>('elementRegistry');
        const mark = (ids: string[], marker: string) =>
          ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
        mark(
          completed.filter((id) => !active.includes(id)),
          'cf-completed',
        );
        mark(active, 'cf-active');
        canvas.zoom('fit-viewport', 'auto');
        setStatus('ready');
      })
      .catch(() => alive && setStatus('failed'));
    return () => {
      alive = false;
      instance.destroy();
      viewer.current = null;
    };
  }, [xml, completed, active]);

  return (
    <div>
      <Space size={8} wrap style={{ marginBottom: 8 }}>
        <Tag color="success">{t('task.diagram.legendCompleted')}</Tag>
        <Tag color="processing">{t('task.diagram.legendActive')}</Tag>
        <Button
          size="small"
          icon={<ExpandOutlined />}
          onClick={() => viewer.current?.get<Canvas>('canvas').zoom('fit-viewport', 'auto')}
        >
          {t('task.diagram.fit')}
        </Button>
      </Space>
      {status === 'failed' && <Alert type="warning" showIcon message={t('task.diagram.failed')} />}
      <Spin spinning={status === 'loading'} tip={t('task.diagram.loading')}>
        <div
          ref={container}
          className="cf-bpmn-viewer"
          style={{
            height,
            border: '1px solid #f0f0f0',
            borderRadius: 6,
            background: '#fff',
            display: status === 'failed' ? 'none' : undefined,
            touchAction: 'none',
          }}
        />
      </Spin>
    </div>
  );
}

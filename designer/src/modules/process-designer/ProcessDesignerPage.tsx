import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { ProcessList } from './components/ProcessList';
import './process-designer-messages';

// the editor brings bpmn-js and its styles; the list does without them
const ProcessEditorLoader = lazy(() =>
  import('./components/ProcessEditorLoader').then((module) => ({
    default: module.ProcessEditorLoader,
  })),
);

/** /admin/processes: the list; /admin/processes/:key: the designer (loaded on demand). */
export default function ProcessDesignerPage() {
  const { key } = useParams();
  if (!key) return <ProcessList />;
  return (
    <Suspense
      fallback={
        <div
          className="cf-editor-loading"
          style={{ display: 'flex', justifyContent: 'center', padding: 80 }}
        >
          <Spin />
        </div>
      }
    >
      <ProcessEditorLoader key={key} processKey={key} />
    </Suspense>
  );
}

import { FormOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { type FormBuilderState } from '../hooks/useFormBuilder';
import { duplicateField, moveField, removeField } from '../model/builder-operations';
import { CanvasField } from './CanvasField';
import { ROOT_DROP_ID, type DropData } from './drag-types';
import { TableColumns } from './TableColumns';

/** The form as it will look, field by field; drop, sort, select, duplicate and delete here. */
export function BuilderCanvas({ builder }: { builder: FormBuilderState }) {
  const t = useT();
  const { model, selectedId, select, apply } = builder;
  const data: DropData = { type: 'container', container: 'root' };
  const { setNodeRef, isOver } = useDroppable({ id: ROOT_DROP_ID, data });

  const remove = (id: string) => {
    apply((current) => removeField(current, id));
    if (selectedId === id) select(null);
  };

  return (
    <div className="cf-fb-canvas" onClick={() => select(null)}>
      <div className="cf-fb-sheet">
        <Typography.Title level={4} className="cf-fb-sheet-title">
          {model.title || t('formDesigner.builder.untitled')}
        </Typography.Title>
        <div ref={setNodeRef} className={isOver ? 'cf-fb-drop cf-over' : 'cf-fb-drop'}>
          <SortableContext
            items={model.fields.map((f) => f.id)}
            strategy={verticalListSortingStrategy}
          >
            {model.fields.map((field, index) => (
              <CanvasField
                key={field.id}
                field={field}
                container="root"
                selected={field.id === selectedId}
                first={index === 0}
                last={index === model.fields.length - 1}
                onSelect={() => select(field.id)}
                onMove={(delta) =>
                  apply((current) =>
                    moveField(current, field.id, { container: 'root', index: index + delta }),
                  )
                }
                onDuplicate={() => apply((current) => duplicateField(current, field.id))}
                onRemove={() => remove(field.id)}
                body={
                  field.kind === 'table' ? (
                    <TableColumns
                      table={field}
                      selectedId={selectedId}
                      onSelect={select}
                      onRemove={remove}
                    />
                  ) : undefined
                }
              />
            ))}
          </SortableContext>
          {model.fields.length === 0 && (
            <div className="cf-fb-empty">
              <FormOutlined />
              <span>{t('formDesigner.builder.emptyCanvas')}</span>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

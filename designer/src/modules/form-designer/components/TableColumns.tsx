import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { horizontalListSortingStrategy, SortableContext, useSortable } from '@dnd-kit/sortable';
import { Button, Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { type FieldModel } from '../model/form-model';
import { tableDropId, type DropData } from './drag-types';
import { FIELD_ICONS } from './field-icons';
import { FieldMock } from './FieldMock';

interface Props {
  table: FieldModel;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRemove: (id: string) => void;
}

/** The columns of an array table: sortable left to right, a drop zone for new columns. */
export function TableColumns({ table, selectedId, onSelect, onRemove }: Props) {
  const t = useT();
  const data: DropData = { type: 'container', container: table.id };
  const { setNodeRef, isOver } = useDroppable({ id: tableDropId(table.id), data });
  return (
    <div className="cf-fb-columns-wrap">
      <div ref={setNodeRef} className={isOver ? 'cf-fb-columns cf-over' : 'cf-fb-columns'}>
        <SortableContext
          items={table.columns.map((c) => c.id)}
          strategy={horizontalListSortingStrategy}
        >
          {table.columns.map((column) => (
            <TableColumn
              key={column.id}
              column={column}
              tableId={table.id}
              selected={column.id === selectedId}
              onSelect={() => onSelect(column.id)}
              onRemove={() => onRemove(column.id)}
            />
          ))}
        </SortableContext>
        <div className="cf-fb-column-drop">
          <PlusOutlined />
          <span>
            {table.columns.length === 0
              ? t('formDesigner.canvas.noColumns')
              : t('formDesigner.canvas.addColumn')}
          </span>
        </div>
      </div>
      <Button
        size="small"
        type="dashed"
        icon={<PlusOutlined />}
        tabIndex={-1}
        className="cf-fb-row-add"
      >
        {t('formDesigner.canvas.rowAdd')}
      </Button>
    </div>
  );
}

function TableColumn({
  column,
  tableId,
  selected,
  onSelect,
  onRemove,
}: {
  column: FieldModel;
  tableId: string;
  selected: boolean;
  onSelect: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  const data: DropData = { type: 'field', fieldId: column.id, container: tableId };
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: column.id,
    data,
  });
  return (
    <div
      ref={setNodeRef}
      className={['cf-fb-column', selected && 'cf-selected', isDragging && 'cf-dragging']
        .filter(Boolean)
        .join(' ')}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
      }}
      onClick={(event) => {
        event.stopPropagation();
        onSelect();
      }}
      {...attributes}
      {...listeners}
    >
      <div className="cf-fb-column-head">
        <span className="cf-fb-field-icon">{FIELD_ICONS[column.kind]}</span>
        <Typography.Text strong ellipsis>
          {column.required && <span className="cf-required">*</span>}
          {column.label || t(`formDesigner.kind.${column.kind}`)}
        </Typography.Text>
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          aria-label={t('formDesigner.canvas.remove')}
          onClick={(event) => {
            event.stopPropagation();
            onRemove();
          }}
        />
      </div>
      <div className="cf-fb-mock">
        <FieldMock field={column} />
      </div>
      <Typography.Text type="secondary" className="cf-fb-column-key">
        {column.key}
      </Typography.Text>
    </div>
  );
}

import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  CopyOutlined,
  DeleteOutlined,
  EyeInvisibleOutlined,
  HolderOutlined,
  LinkOutlined,
} from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { Button, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import { type ContainerId } from '../model/builder-operations';
import { type FieldModel } from '../model/form-model';
import { type DropData } from './drag-types';
import { FIELD_ICONS } from './field-icons';
import { FieldMock } from './FieldMock';

interface Props {
  field: FieldModel;
  container: ContainerId;
  selected: boolean;
  first: boolean;
  last: boolean;
  onSelect: () => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onRemove: () => void;
  /** a table renders its columns here instead of a mock control */
  body?: ReactNode;
}

/** One field on the canvas: drag handle, label, key and badges, its look, and its actions. */
export function CanvasField(props: Props) {
  const { field, container, selected, onSelect } = props;
  const t = useT();
  const data: DropData = { type: 'field', fieldId: field.id, container };
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({
    id: field.id,
    data,
  });
  const className = [
    'cf-fb-field',
    selected && 'cf-selected',
    isDragging && 'cf-dragging',
    field.kind === 'table' && 'cf-fb-table',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={setNodeRef}
      className={className}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
      }}
      onClick={(event) => {
        event.stopPropagation();
        onSelect();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onSelect();
      }}
      tabIndex={0}
      role="button"
      aria-pressed={selected}
    >
      <div className="cf-fb-field-head">
        <span
          ref={setActivatorNodeRef}
          className="cf-fb-handle"
          {...attributes}
          {...listeners}
          aria-label={t('formDesigner.canvas.drag')}
        >
          <HolderOutlined />
        </span>
        <span className="cf-fb-field-icon">{FIELD_ICONS[field.kind]}</span>
        <Typography.Text strong className="cf-fb-field-label">
          {field.required && <span className="cf-required">*</span>}
          {field.label || (
            <Typography.Text type="secondary">
              {t('formDesigner.kind.' + field.kind)}
            </Typography.Text>
          )}
        </Typography.Text>
        <Tag bordered={false} className="cf-fb-key">
          {field.key}
        </Tag>
        {field.visibility || field.rest['x-reactions'] ? (
          <Tooltip title={t('formDesigner.canvas.conditional')}>
            <EyeInvisibleOutlined className="cf-fb-badge" />
          </Tooltip>
        ) : null}
        {field.readsEarlierValue && (
          <Tooltip title={t('formDesigner.canvas.readsEarlier')}>
            <LinkOutlined className="cf-fb-badge" />
          </Tooltip>
        )}
        <span className="cf-fb-actions" onClick={(event) => event.stopPropagation()}>
          <Tooltip title={t('formDesigner.canvas.moveUp')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              disabled={props.first}
              onClick={() => props.onMove(-1)}
              aria-label={t('formDesigner.canvas.moveUp')}
            />
          </Tooltip>
          <Tooltip title={t('formDesigner.canvas.moveDown')}>
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              disabled={props.last}
              onClick={() => props.onMove(1)}
              aria-label={t('formDesigner.canvas.moveDown')}
            />
          </Tooltip>
          <Tooltip title={t('formDesigner.canvas.duplicate')}>
            <Button
              size="small"
              type="text"
              icon={<CopyOutlined />}
              onClick={props.onDuplicate}
              aria-label={t('formDesigner.canvas.duplicate')}
            />
          </Tooltip>
          <Tooltip title={t('formDesigner.canvas.remove')}>
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              onClick={props.onRemove}
              aria-label={t('formDesigner.canvas.remove')}
            />
          </Tooltip>
        </span>
      </div>
      <div className="cf-fb-field-body">
        {props.body ?? (
          <div className="cf-fb-mock">
            <FieldMock field={field} />
          </div>
        )}
      </div>
      {field.description && (
        <Typography.Text type="secondary" className="cf-fb-help">
          {field.description}
        </Typography.Text>
      )}
    </div>
  );
}

import { useDraggable } from '@dnd-kit/core';
import { Typography } from 'antd';
import { useT } from '../../../shared/i18n';
import { PALETTE_GROUPS } from '../model/field-palette';
import { type PaletteKind } from '../model/form-model';
import { type DragData } from './drag-types';
import { FIELD_ICONS } from './field-icons';

/** The field types: drag one onto the canvas, or click it to append it to the form. */
export function FieldPalette({ onAdd }: { onAdd: (kind: PaletteKind) => void }) {
  const t = useT();
  return (
    <nav className="cf-fb-palette" aria-label={t('formDesigner.builder.palette')}>
      <Typography.Text strong>{t('formDesigner.builder.palette')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="cf-fb-palette-hint">
        {t('formDesigner.builder.paletteHint')}
      </Typography.Paragraph>
      {PALETTE_GROUPS.map((group) => (
        <div key={group.id} className="cf-fb-palette-group">
          {group.kinds.map((kind) => (
            <PaletteItem
              key={kind}
              kind={kind}
              label={t(`formDesigner.kind.${kind}`)}
              onAdd={onAdd}
            />
          ))}
        </div>
      ))}
    </nav>
  );
}

function PaletteItem({
  kind,
  label,
  onAdd,
}: {
  kind: PaletteKind;
  label: string;
  onAdd: (kind: PaletteKind) => void;
}) {
  const data: DragData = { type: 'palette', kind };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `palette:${kind}`,
    data,
  });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={isDragging ? 'cf-fb-palette-item cf-dragging' : 'cf-fb-palette-item'}
      onClick={() => onAdd(kind)}
      {...attributes}
      {...listeners}
    >
      <span className="cf-fb-palette-icon">{FIELD_ICONS[kind]}</span>
      <span>{label}</span>
    </button>
  );
}

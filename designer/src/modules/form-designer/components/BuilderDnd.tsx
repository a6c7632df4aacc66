import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../../shared/i18n';
import { type FormBuilderState } from '../hooks/useFormBuilder';
import {
  accepts,
  createField,
  insertField,
  locateField,
  moveField,
  type NewFieldDefaults,
} from '../model/builder-operations';
import { type FieldKind, type PaletteKind } from '../model/form-model';
import { dropTargetOf, type DragData, type DropData } from './drag-types';
import { FIELD_ICONS } from './field-icons';

interface Props {
  builder: FormBuilderState;
  defaultsFor: (kind: PaletteKind) => NewFieldDefaults;
  children: ReactNode;
}

/** Drag and drop of the builder: palette → form or table, reorder, move in and out of tables. */
export function BuilderDnd({ builder, defaultsFor, children }: Props) {
  const t = useT();
  const { model } = builder;
  const [dragging, setDragging] = useState<DragData | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const draggedKind: FieldKind | undefined =
    dragging?.type === 'palette'
      ? dragging.kind
      : dragging
        ? locateField(model, dragging.fieldId)?.field.kind
        : undefined;

  // the most specific place that accepts the dragged kind: a column, a table, a form field, the form
  const collision = useMemo<CollisionDetection>(
    () => (args) => {
      const hits = pointerWithin(args);
      const candidates = (hits.length > 0 ? hits : rectIntersection(args)).filter((hit) => {
        const data = args.droppableContainers.find((c) => c.id === hit.id)?.data.current as
          DropData | undefined;
        if (!data || draggedKind === undefined) return false;
        // a table never goes into itself
        if (dragging?.type === 'field' && data.container === dragging.fieldId) return false;
        return accepts(model, data.container, draggedKind);
      });
      const rank = (id: string | number) => {
        const data = args.droppableContainers.find((c) => c.id === id)?.data.current as
          DropData | undefined;
        if (!data) return 0;
        if (data.container !== 'root') return data.type === 'field' ? 4 : 3;
        return data.type === 'field' ? 2 : 1;
      };
      return [...candidates].sort((a, b) => rank(b.id) - rank(a.id));
    },
    [model, draggedKind, dragging],
  );

  const onDragStart = (event: DragStartEvent) =>
    setDragging((event.active.data.current as DragData) ?? null);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const data = active.data.current as DragData | undefined;
    const target = over?.data.current as DropData | undefined;
    if (!data || !target || !over) return;
    const place = dropTargetOf(model, data, target, active.rect.current.translated, over.rect);
    if (data.type === 'palette') {
      const field = createField(model, data.kind, place.container, defaultsFor(data.kind));
      builder.apply((current) => insertField(current, field, place));
      builder.select(field.id);
    } else {
      builder.apply((current) => moveField(current, data.fieldId, place));
      builder.select(data.fieldId);
    }
  };

  const overlayLabel =
    dragging?.type === 'palette'
      ? t(`formDesigner.kind.${dragging.kind}`)
      : dragging
        ? locateField(model, dragging.fieldId)?.field.label || t('formDesigner.kind.custom')
        : '';

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragging && draggedKind && (
          <div className="cf-drag-overlay">
            {FIELD_ICONS[draggedKind]}
            <span>{overlayLabel}</span>
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}

import { type ContainerId, type DropTarget, fieldsIn } from '../model/builder-operations';
import { type FormModel, type PaletteKind } from '../model/form-model';

/** What is being dragged: a new field from the palette or a field already on the canvas. */
export type DragData =
  | { type: 'palette'; kind: PaletteKind }
  | { type: 'field'; fieldId: string; container: ContainerId };

/** What it is over: a field (insert before or after it) or a container's free area (append). */
export type DropData =
  | { type: 'field'; fieldId: string; container: ContainerId }
  | { type: 'container'; container: ContainerId };

export const ROOT_DROP_ID = 'container:root';
export const tableDropId = (tableId: string) => `container:${tableId}`;

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a drop lands. Within one container a field takes the place of the one it is over (the
 * sortable list has already made room); anything else goes before or after that field depending
 * on which half the dragged item's centre is in (left/right in a table, top/bottom in the form).
 */
export function dropTargetOf(
  model: FormModel,
  active: DragData,
  over: DropData,
  activeRect: Rect | null,
  overRect: Rect,
): DropTarget {
  const list = fieldsIn(model, over.container);
  if (over.type === 'container') return { container: over.container, index: list.length };
  const index = list.findIndex((field) => field.id === over.fieldId);
  if (active.type === 'field' && active.container === over.container) {
    return { container: over.container, index };
  }
  const horizontal = over.container !== 'root';
  const after =
    activeRect !== null &&
    (horizontal
      ? activeRect.left + activeRect.width / 2 > overRect.left + overRect.width / 2
      : activeRect.top + activeRect.height / 2 > overRect.top + overRect.height / 2);
  return { container: over.container, index: index + (after ? 1 : 0) };
}

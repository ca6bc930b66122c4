import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type Modifier,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties, ReactNode } from 'react';

interface SortableProps {
  /** The items' ids in their current order. */
  ids: string[];
  /** What each item is called in announcements ("Blog", "tiny-metrics"). */
  nameOf(id: string): string;
  /** The item at `from` was dropped at `to` (indexes in `ids`). */
  onMove(from: number, to: number): void;
  children: ReactNode;
}

/** The lists are vertical: a drag moves only up and down (a sideways drift would widen the page). */
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

const instructions = {
  draggable:
    'To reorder, press Space or Enter to pick this item up. Use the up and down arrow keys to move it, Space or Enter to drop it here, or Escape to put it back.',
};

/**
 * A vertical list reordered by dragging a handle (mouse, pen, touch) or from the keyboard (focus the
 * handle, Space/Enter to lift, arrows to move, Space/Enter to drop, Escape to cancel), every step
 * announced by name and position for screen readers. Items use {@link useSortableItem}.
 */
export function Sortable({ ids, nameOf, onMove, children }: SortableProps) {
  const sensors = useSensors(
    // Mouse, pen and touch alike: the handle has `touch-action: none`, so a finger on it drags
    // instead of scrolling (anywhere else on the row still scrolls the page).
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: UniqueIdentifier) => `${ids.indexOf(String(id)) + 1} of ${ids.length}`;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(String(active.id))}, at position ${position(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${nameOf(String(active.id))} moved to position ${position(over.id)}.`
        : `${nameOf(String(active.id))} is not over a position.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${nameOf(String(active.id))} dropped at position ${position(over.id)}.`
        : `${nameOf(String(active.id))} dropped where it was.`,
    onDragCancel: ({ active }) =>
      `Reordering cancelled; ${nameOf(String(active.id))} is back at position ${position(active.id)}.`,
  };
  const end = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[verticalOnly]}
      // The live region and instructions go to <body>: inside a <tbody> a <div> is invalid markup.
      accessibility={{ announcements, screenReaderInstructions: instructions, container: document.body }}
      onDragEnd={end}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One item of a {@link Sortable}: a ref and style for the moving element, and the handle to render in it. */
export function useSortableItem(id: string, name: string, disabled = false) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    position: 'relative',
    zIndex: isDragging ? 2 : undefined,
  };
  const handle = disabled ? null : (
    <button
      type="button"
      ref={setActivatorNodeRef}
      className="btn btn-small drag-handle"
      {...attributes}
      {...listeners}
      aria-label={`Reorder ${name}`}
      title="Drag to reorder, or press Space and use the arrow keys"
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
  return { ref: setNodeRef, style, handle, isDragging };
}

/** `list` with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

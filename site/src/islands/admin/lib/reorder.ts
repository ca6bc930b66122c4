/** Something shown in `sortOrder` order. */
export interface Ordered {
  id: string;
  sortOrder: number;
}

const STEP = 10;

/**
 * The `sortOrder` changes that move the item at `from` to `to` in `list` (shown in order). When
 * there is room between its new neighbours only the moved item changes: one write, so a failure
 * cannot leave half an order behind. Otherwise every item gets its position (10, 20, …) and only
 * the items whose number changes are returned.
 */
export function orderChanges(list: readonly Ordered[], from: number, to: number): Ordered[] {
  if (from === to || !list[from] || !list[to]) return [];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  const before = next[to - 1]?.sortOrder;
  const after = next[to + 1]?.sortOrder;
  const single =
    before === undefined
      ? after! - STEP
      : after === undefined
        ? before + STEP
        : after - before >= 2
          ? Math.floor((before + after) / 2)
          : undefined;
  // Neighbours with equal numbers tie-break by title; a number between them cannot place the item.
  const tiesAround =
    (before !== undefined && next.filter((p) => p.sortOrder === before).length > 1) ||
    (after !== undefined && next.filter((p) => p.sortOrder === after).length > 1);
  if (single !== undefined && !tiesAround && Number.isSafeInteger(single) && Math.abs(single) < 2 ** 31)
    return [{ id: item!.id, sortOrder: single }];
  return next.flatMap((p, k) => ((k + 1) * STEP === p.sortOrder ? [] : [{ id: p.id, sortOrder: (k + 1) * STEP }]));
}

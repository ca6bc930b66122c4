import { describe, expect, it } from 'vitest';
import { orderChanges, type Ordered } from './reorder';

const items = (...orders: number[]): Ordered[] =>
  orders.map((sortOrder, i) => ({ id: String.fromCharCode(97 + i), sortOrder }));

/** The ids in the order the changes give them (ties keep their place: the list is pre-sorted). */
function apply(list: Ordered[], changes: Ordered[]): string[] {
  const byId = new Map(changes.map((c) => [c.id, c.sortOrder]));
  return list
    .map((p, i) => ({ ...p, sortOrder: byId.get(p.id) ?? p.sortOrder, i }))
    .sort((x, y) => x.sortOrder - y.sortOrder || x.i - y.i)
    .map((p) => p.id);
}

describe('orderChanges', () => {
  it('moves one item with one write when its new neighbours leave room', () => {
    const list = items(10, 20, 30, 40);
    expect(orderChanges(list, 3, 1)).toEqual([{ id: 'd', sortOrder: 15 }]);
    expect(orderChanges(list, 0, 3)).toEqual([{ id: 'a', sortOrder: 50 }]);
    expect(orderChanges(list, 2, 0)).toEqual([{ id: 'c', sortOrder: 0 }]);
    expect(apply(list, orderChanges(list, 3, 1))).toEqual(['a', 'd', 'b', 'c']);
  });

  it('renumbers when there is no room or numbers tie, writing only what changes', () => {
    const tight = items(1, 2, 3);
    const changes = orderChanges(tight, 2, 1);
    expect(apply(tight, changes)).toEqual(['a', 'c', 'b']);
    expect(changes).toEqual([
      { id: 'a', sortOrder: 10 },
      { id: 'c', sortOrder: 20 },
      { id: 'b', sortOrder: 30 },
    ]);
    const ties = items(0, 0, 0, 0);
    expect(apply(ties, orderChanges(ties, 3, 0))).toEqual(['d', 'a', 'b', 'c']);
    const some = items(10, 20, 21, 40);
    expect(orderChanges(some, 3, 2)).toEqual([
      { id: 'd', sortOrder: 30 },
      { id: 'c', sortOrder: 40 },
    ]);
    expect(apply(some, orderChanges(some, 3, 2))).toEqual(['a', 'b', 'd', 'c']);
  });

  it('does nothing for a move in place or out of range', () => {
    expect(orderChanges(items(10, 20), 1, 1)).toEqual([]);
    expect(orderChanges(items(10, 20), 0, 5)).toEqual([]);
  });
});

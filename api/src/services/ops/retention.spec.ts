import { describe, expect, it } from 'vitest';
import { archiveName, archiveTime } from './backup-format.js';
import { archivesToDelete, isoWeek } from './retention.js';

const at = (iso: string) => ({ name: archiveName(new Date(iso), false), at: new Date(iso) });

describe('retention', () => {
  it('keeps the newest archive of each of the last N days', () => {
    const list = [
      at('2025-03-10T02:00:00Z'),
      at('2025-03-10T14:00:00Z'),
      at('2025-03-09T02:00:00Z'),
      at('2025-03-08T02:00:00Z'),
    ];
    const deleted = archivesToDelete(list, 2, 0);
    expect(deleted.sort()).toEqual([list[0]!.name, list[3]!.name].sort());
  });

  it('keeps one per ISO week beyond the daily window', () => {
    // 30 daily archives in March 2025; 7 daily + 4 weekly.
    const list = Array.from({ length: 30 }, (_, i) => at(`2025-03-${String(i + 1).padStart(2, '0')}T02:00:00Z`));
    const deleted = new Set(archivesToDelete(list, 7, 4));
    const kept = list.filter((a) => !deleted.has(a.name)).map((a) => a.at.toISOString().slice(0, 10));
    // Daily: the 24th–30th. Weekly (newest of each ISO week): W13 (the 30th, already kept), W12 (the
    // 23rd), W11 (the 16th), W10 (the 9th).
    expect(kept).toEqual([
      '2025-03-09',
      '2025-03-16',
      '2025-03-23',
      '2025-03-24',
      '2025-03-25',
      '2025-03-26',
      '2025-03-27',
      '2025-03-28',
      '2025-03-29',
      '2025-03-30',
    ]);
  });

  it('never selects files it did not name', () => {
    expect(archivesToDelete([{ name: 'my-copy.tar.gz', at: undefined }, at('2025-01-01T00:00:00Z')], 1, 0)).toEqual([]);
  });

  it('ISO weeks cross years correctly', () => {
    expect(isoWeek(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2025-03-10T00:00:00Z'))).toBe('2025-W11');
  });

  it('archive names round-trip to their time', () => {
    const d = new Date('2025-06-01T02:03:04.005Z');
    expect(archiveTime(archiveName(d, true))).toEqual(d);
    expect(archiveTime('omervision-backup.tar.gz')).toBeUndefined();
  });
});

/**
 * Grandfather-father style retention, as `restic forget --keep-daily N --keep-weekly M` does it:
 * walking from the newest archive back, the newest archive of each of the last N days that have
 * one is kept, and the newest of each of the last M ISO weeks that have one. Everything else goes.
 * Archives whose time is unknown (not named by us) are never selected.
 */
export function archivesToDelete(
  archives: { name: string; at: Date | undefined }[],
  keepDaily: number,
  keepWeekly: number,
): string[] {
  const dated = archives
    .filter((a): a is { name: string; at: Date } => a.at !== undefined)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const a of dated) {
    const day = a.at.toISOString().slice(0, 10);
    if (!days.has(day) && days.size < keepDaily) {
      days.add(day);
      keep.add(a.name);
    }
    const week = isoWeek(a.at);
    if (!weeks.has(week) && weeks.size < keepWeekly) {
      weeks.add(week);
      keep.add(a.name);
    }
  }
  return dated.filter((a) => !keep.has(a.name)).map((a) => a.name);
}

/** `2025-W07`: ISO 8601 week (Monday first; week 1 holds the year's first Thursday), in UTC. */
export function isoWeek(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

import type { ImportCounts, ImportNote } from '../../dtos/content-transfer.dto.js';

/** JSON with object keys sorted: two values are the same content exactly when these strings are equal. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** An ISO time from a file, or null; nonsense counts as absent. */
export function date(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** What one import run has done so far. */
export class ImportTally {
  readonly counts: Record<'tags' | 'posts' | 'projects' | 'pages' | 'skills' | 'settings', ImportCounts> = {
    tags: zero(),
    posts: zero(),
    projects: zero(),
    pages: zero(),
    skills: zero(),
    settings: zero(),
  };
  readonly notes: ImportNote[] = [];

  note(type: string, key: string, message: string): void {
    // A pathological file must not produce a pathological answer.
    if (this.notes.length < 500) this.notes.push({ type, key, message });
  }

  /** A fresh run that starts from these notes (a retried transaction counts again from here). */
  copy(): ImportTally {
    const out = new ImportTally();
    out.notes.push(...this.notes);
    return out;
  }

  get changed(): boolean {
    return Object.values(this.counts).some((c) => c.created > 0 || c.updated > 0);
  }
}

function zero(): ImportCounts {
  return { created: 0, updated: 0, skipped: 0 };
}

/**
 * The decision for an item that exists here: identical → skip; different and the file's copy is
 * newer → update; different but ours is newer (edited after the export) → keep ours.
 */
export function decide(
  same: boolean,
  incomingUpdatedAt: string,
  localUpdatedAt: Date,
): 'skip' | 'update' | 'keep-local' {
  if (same) return 'skip';
  const incoming = date(incomingUpdatedAt);
  return incoming && incoming.getTime() > localUpdatedAt.getTime() ? 'update' : 'keep-local';
}

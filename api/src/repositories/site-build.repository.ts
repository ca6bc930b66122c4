import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { siteBuilds } from '../db/schema.js';
import type { Db } from './database.js';

export type SiteBuildRow = typeof siteBuilds.$inferSelect & { pagesSkipped: number | null };
export type SiteBuildPatch = Partial<
  Pick<
    SiteBuildRow,
    'status' | 'release' | 'pagesBuilt' | 'pagesSkipped' | 'durationMs' | 'log' | 'error' | 'startedAt' | 'finishedAt'
  >
>;

/**
 * `site_builds` has no pages_skipped column yet; until it does the count travels as the first line
 * of the stored log (`#pagesSkipped=<n>`), written and read only here.
 */
const SKIPPED_LINE = /^#pagesSkipped=(\d+)\n/;

function withSkipped(row: typeof siteBuilds.$inferSelect): SiteBuildRow {
  const match = row.log ? SKIPPED_LINE.exec(row.log) : null;
  return {
    ...row,
    log: match ? row.log!.slice(match[0].length) : row.log,
    pagesSkipped: match ? Number(match[1]) : null,
  };
}

function packLog(log: string | null | undefined, skipped: number | null | undefined): string | null {
  if (skipped === undefined || skipped === null) return log ?? null;
  return `#pagesSkipped=${skipped}\n${log ?? ''}`;
}

export class SiteBuildRepository {
  constructor(private readonly db: Db) {}

  async insert(row: Pick<SiteBuildRow, 'id' | 'status' | 'trigger'> & Partial<SiteBuildRow>): Promise<void> {
    const { pagesSkipped, log, ...rest } = row;
    await this.db.insert(siteBuilds).values({ ...rest, log: packLog(log, pagesSkipped) });
  }

  async findById(id: string): Promise<SiteBuildRow | undefined> {
    const [row] = await this.db.select().from(siteBuilds).where(eq(siteBuilds.id, id));
    return row ? withSkipped(row) : undefined;
  }

  /** Newest first (UUIDv7 ids are time-ordered); `before` is the id of the last row of the previous page. */
  async list(opts: { limit: number; before?: string }): Promise<SiteBuildRow[]> {
    const rows = await this.db
      .select()
      .from(siteBuilds)
      .where(opts.before ? lt(siteBuilds.id, opts.before) : undefined)
      .orderBy(desc(siteBuilds.id))
      .limit(opts.limit);
    return rows.map(withSkipped);
  }

  /** Applies the patch only while the build is unfinished; false when it was finished already (or is gone). */
  async updateOpen(id: string, patch: SiteBuildPatch, current: SiteBuildRow): Promise<boolean> {
    const { pagesSkipped, log, ...rest } = patch;
    const set: Partial<typeof siteBuilds.$inferInsert> = { ...rest };
    if (log !== undefined || pagesSkipped !== undefined) {
      set.log = packLog(
        log !== undefined ? log : current.log,
        pagesSkipped !== undefined ? pagesSkipped : current.pagesSkipped,
      );
    }
    if (Object.keys(set).length === 0) return true;
    const [res] = await this.db
      .update(siteBuilds)
      .set(set)
      .where(and(eq(siteBuilds.id, id), inArray(siteBuilds.status, ['queued', 'building'])));
    return res.affectedRows === 1;
  }
}

export interface BuilderCall {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface BuilderAnswer {
  status: number;
  body: unknown;
}

/** The HTTP hop from the API to the site builder (rollback); a network failure answers null. */
export class SiteBuilderHttpRepository {
  async post(call: BuilderCall): Promise<BuilderAnswer | null> {
    try {
      const res = await fetch(call.url, {
        method: 'POST',
        headers: call.headers,
        body: call.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(call.timeoutMs),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: keep the text for the error message
      }
      return { status: res.status, body };
    } catch {
      return null;
    }
  }
}

import type { BUILD_STATUSES } from '../db/schema.js';

export type SiteBuildStatus = (typeof BUILD_STATUSES)[number];

/** One run of the static-site builder (or a rollback), as the admin sees it. */
export interface SiteBuildView {
  id: string;
  status: SiteBuildStatus;
  /** What caused it: the `site.changed` cause (e.g. `post.published`), `manual`, `startup` or `rollback`. */
  trigger: string;
  /** The release directory it produced (or, for a rollback, the one made live). */
  release: string | null;
  /** Pages rendered in this build. */
  pagesBuilt: number | null;
  /** Pages reused unchanged from the previous build (incremental build). */
  pagesSkipped: number | null;
  durationMs: number | null;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

export interface SiteBuildDetail extends SiteBuildView {
  /** The builder's output (Astro's log and the release steps), at most 1 MB. */
  log: string | null;
}

export interface SiteBuildPage {
  items: SiteBuildView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface CreateSiteBuildRequest {
  /** @minLength 1 @maxLength 32 @pattern ^[a-z0-9][a-z0-9._:-]*$ */
  trigger: string;
  /** `building` (default) when the build starts at once. */
  status?: 'queued' | 'building';
}

/** What the builder reports while and after it builds. A finished build cannot change again. */
export interface UpdateSiteBuildRequest {
  status?: SiteBuildStatus;
  /** @maxLength 64 @pattern ^[A-Za-z0-9._-]+$ */
  release?: string;
  /** @isInt @minimum 0 */
  pagesBuilt?: number;
  /** @isInt @minimum 0 */
  pagesSkipped?: number;
  /** @isInt @minimum 0 */
  durationMs?: number;
  /** Replaces the stored log. @maxLength 1000000 */
  log?: string;
  /** @maxLength 1000 */
  error?: string;
}

export interface SiteRollbackRequest {
  /** The release to make live; omitted = the one before the current release. @maxLength 64 @pattern ^[A-Za-z0-9._-]+$ */
  release?: string;
}

export interface SiteRollbackResult {
  /** The release now live. */
  release: string;
  /** The release that was live before. */
  previous: string | null;
  /** The build record of the rollback. */
  buildId: string;
}

export interface SiteRebuildAccepted {
  /** The `site.changed` outbox event; the builder receives it like any other change. */
  eventId: string;
}

import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { MySqlColumn, MySqlTable } from 'drizzle-orm/mysql-core';
import {
  apiKeys,
  auditLog,
  contactMessages,
  media,
  paasApps,
  pages,
  posts,
  projects,
  skills,
  tags,
  users,
  webhooks,
} from '../db/schema.js';
import type { Db, DbOrTx } from './database.js';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAudit = Omit<AuditRow, 'id' | 'createdAt'>;

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** `tx`: write the line in the caller's transaction, so it commits (or not) with the change it records. */
  async insert(entry: NewAudit, tx: DbOrTx = this.db): Promise<void> {
    await tx.insert(auditLog).values(entry);
  }

  /** Newest first; `before` is the id cursor of the last row of the previous page. */
  async list(opts: { limit: number; before?: number; actorUserId?: string; targetType?: string }): Promise<AuditRow[]> {
    const where: SQL[] = [];
    if (opts.before) where.push(lt(auditLog.id, opts.before));
    if (opts.actorUserId) where.push(eq(auditLog.actorUserId, opts.actorUserId));
    if (opts.targetType) where.push(eq(auditLog.targetType, opts.targetType));
    return this.db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.id))
      .limit(opts.limit);
  }

  /** Current names of audit targets, keyed `type:id` (a deleted target has none). */
  async targetNames(targets: { type: string; id: string }[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const byType = new Map<string, Set<string>>();
    for (const t of targets) if (NAMED[t.type]) byType.set(t.type, (byType.get(t.type) ?? new Set()).add(t.id));
    await Promise.all(
      [...byType].map(async ([type, ids]) => {
        const { table, id, name } = NAMED[type]!;
        const rows = (await this.db
          .select({ id, name })
          .from(table)
          .where(inArray(id, [...ids]))) as { id: string; name: string }[];
        for (const r of rows) out.set(`${type}:${r.id}`, r.name);
      }),
    );
    return out;
  }
}

/** Which column names a target, per audit target type. */
const NAMED: Record<string, { table: MySqlTable; id: MySqlColumn; name: MySqlColumn }> = {
  post: { table: posts, id: posts.id, name: posts.title },
  page: { table: pages, id: pages.id, name: pages.title },
  project: { table: projects, id: projects.id, name: projects.title },
  media: { table: media, id: media.id, name: media.filename },
  user: { table: users, id: users.id, name: users.name },
  tag: { table: tags, id: tags.id, name: tags.name },
  skill: { table: skills, id: skills.id, name: skills.name },
  webhook: { table: webhooks, id: webhooks.id, name: webhooks.name },
  api_key: { table: apiKeys, id: apiKeys.id, name: apiKeys.name },
  paas_app: { table: paasApps, id: paasApps.id, name: paasApps.name },
  contact_message: { table: contactMessages, id: contactMessages.id, name: contactMessages.subject },
};

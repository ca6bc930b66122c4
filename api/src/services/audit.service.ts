import type { AuditEntry, AuditPage } from '../dtos/audit.dto.js';
import type { AuditRepository, AuditRow } from '../repositories/audit.repository.js';
import type { Tx } from '../repositories/database.js';
import type { Actor } from './auth/principal.js';

const SECRET_FIELDS = /password|secret|token|hash|recovery/i;

/** Every admin mutation leaves a line: who, what, on which target, from where, and a small diff. */
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /** `tx`: inside the change's own transaction (a crash right after the commit cannot lose the line). */
  async record(
    actor: Actor | null,
    action: string,
    target: { type: string; id?: string | null },
    diff?: Record<string, unknown>,
    tx?: Tx,
  ): Promise<void> {
    const entry = {
      actorUserId: actor?.principal.kind === 'user' ? actor.principal.userId : null,
      actorApiKeyId: actor?.principal.kind === 'apiKey' ? actor.principal.apiKeyId : null,
      action,
      targetType: target.type,
      targetId: target.id ?? null,
      ip: actor?.ip ?? null,
      userAgent: actor?.userAgent.slice(0, 512) ?? null,
      diff: diff ? redact(diff) : null,
    };
    await (tx ? this.repo.insert(entry, tx) : this.repo.insert(entry));
  }

  async list(opts: { limit: number; cursor?: string; actorUserId?: string; targetType?: string }): Promise<AuditPage> {
    const before = opts.cursor ? Number(opts.cursor) : undefined;
    const rows = await this.repo.list({
      limit: opts.limit + 1,
      before: Number.isSafeInteger(before) ? before : undefined,
      actorUserId: opts.actorUserId,
      targetType: opts.targetType,
    });
    const page = rows.slice(0, opts.limit);
    const names = await this.repo.targetNames(
      page.flatMap((r) => [
        ...(r.targetId ? [{ type: r.targetType, id: r.targetId }] : []),
        ...(r.actorUserId ? [{ type: 'user', id: r.actorUserId }] : []),
        ...(r.actorApiKeyId ? [{ type: 'api_key', id: r.actorApiKeyId }] : []),
      ]),
    );
    const nameOf = (type: string, id: string | null) => (id ? (names.get(`${type}:${id}`) ?? null) : null);
    return {
      items: page.map((r) =>
        toEntry(
          r,
          nameOf(r.targetType, r.targetId),
          nameOf('user', r.actorUserId) ?? nameOf('api_key', r.actorApiKeyId),
        ),
      ),
      nextCursor: rows.length > opts.limit ? String(page[page.length - 1]!.id) : null,
    };
  }
}

/** `{field: [before, after]}` for the fields that changed; secrets show as "[redacted]". */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value))
      out[key] = [before[key] ?? null, value];
  }
  return out;
}

function redact(diff: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(diff).map(([k, v]) => [k, SECRET_FIELDS.test(k) ? '[redacted]' : v]));
}

function toEntry(row: AuditRow, targetName: string | null, actorName: string | null): AuditEntry {
  return {
    id: String(row.id),
    actorUserId: row.actorUserId,
    actorApiKeyId: row.actorApiKeyId,
    actorName,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName,
    ip: row.ip,
    userAgent: row.userAgent,
    diff: row.diff,
    createdAt: row.createdAt.toISOString(),
  };
}

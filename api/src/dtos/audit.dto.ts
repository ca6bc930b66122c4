export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  /** e.g. `user.create`, `auth.login`, `apikey.revoke`. */
  action: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Changed fields as `[before, after]`; secrets are redacted. */
  diff: Record<string, unknown> | null;
  /** ISO 8601. */
  createdAt: string;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

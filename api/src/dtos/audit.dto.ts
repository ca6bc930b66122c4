export interface AuditEntry {
  id: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  /** The acting user's name, or the API key's name; null for the system or a deleted actor. */
  actorName: string | null;
  /** e.g. `user.create`, `auth.login`, `apikey.revoke`. */
  action: string;
  targetType: string;
  targetId: string | null;
  /** The target's current title or name; null when it has none or no longer exists. */
  targetName: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Changed fields as `[before, after]`; secrets are redacted. */
  diff: AuditDiff | null;
  /** ISO 8601. */
  createdAt: string;
}

/** Field name → `[before, after]` (or another shape for non-field changes). */
export interface AuditDiff {
  [field: string]: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

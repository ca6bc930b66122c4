import type { ROLES } from '../../db/schema.js';

export type Role = (typeof ROLES)[number];

/**
 * Scopes name what a credential may do. A route declares the scope it needs with
 * `@Security('bearer', ['scope'])`; roles and API keys are granted scopes here and nowhere else.
 */
export const SCOPES = [
  'content:read',
  'content:write',
  'content:publish',
  'media:read',
  'media:write',
  'inbox:read',
  'inbox:write',
  'settings:read',
  'settings:write',
  'site:read',
  'site:build',
  'paas:read',
  'paas:write',
  'webhooks:manage',
  'users:manage',
  'apikeys:manage',
  'audit:read',
  // Backups (the whole database: users, hashes, sealed secrets) and maintenance status: admin only.
  'ops:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

const READ_ALL: Scope[] = ['content:read', 'media:read', 'inbox:read', 'settings:read', 'site:read', 'paas:read'];

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  admin: SCOPES,
  editor: [
    ...READ_ALL,
    'content:write',
    'content:publish',
    'media:write',
    'inbox:write',
    'settings:write',
    'site:build',
    'paas:write',
  ],
  /** Own posts only (enforced by the content services); no publishing. */
  author: ['content:read', 'content:write', 'media:read', 'media:write'],
  viewer: READ_ALL,
};

/** What a third-party API key may ever be granted: no user, key, audit or webhook management. */
export const API_KEY_SCOPES: readonly Scope[] = [
  'content:read',
  'content:write',
  'content:publish',
  'media:read',
  'media:write',
  'inbox:read',
  'paas:read',
  'site:read',
  // The site builder's own key (seeded): opens and finishes build records.
  'site:build',
];

export const ROLE_RANK: Record<Role, number> = { viewer: 0, author: 1, editor: 2, admin: 3 };

export function roleHasScope(role: Role, scope: string): boolean {
  return (ROLE_SCOPES[role] as readonly string[]).includes(scope);
}

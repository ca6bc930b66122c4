import type { Role, Scope } from '../api/types';

/**
 * What each role may do, so the admin offers only what will work. This mirrors
 * api/src/services/auth/policy.ts; the API stays the authority and answers 403 to anything else.
 */
const READ_ALL: Scope[] = ['content:read', 'media:read', 'inbox:read', 'settings:read', 'site:read', 'paas:read'];

const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  admin: [
    ...READ_ALL,
    'content:write',
    'content:publish',
    'media:write',
    'inbox:write',
    'settings:write',
    'site:build',
    'paas:write',
    'webhooks:manage',
    'users:manage',
    'apikeys:manage',
    'audit:read',
  ],
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
  author: ['content:read', 'content:write', 'media:read', 'media:write'],
  viewer: READ_ALL,
};

export function roleCan(role: Role, scope: Scope): boolean {
  return ROLE_SCOPES[role].includes(scope);
}

export const ROLES: Role[] = ['admin', 'editor', 'author', 'viewer'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin — everything',
  editor: 'Editor — content, publishing, media, inbox, settings, site, apps',
  author: 'Author — own posts and media, no publishing',
  viewer: 'Viewer — read only',
};

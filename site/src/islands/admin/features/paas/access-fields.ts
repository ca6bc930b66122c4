import type { PaasApp } from '../../api/types';

export type AccessMethod = 'none' | 'token' | 'deployKey';

/** What the "Private repository" fields hold; the token is write-only (empty = keep the stored one). */
export interface AccessFields {
  method: AccessMethod;
  token: string;
  username: string;
}

export function accessFields(app?: PaasApp): AccessFields {
  const a = app?.repoAccess;
  const method = a && a.method !== 'none' ? a.method : a?.deployKey ? 'deployKey' : a?.tokenSet ? 'token' : 'none';
  return { method, token: '', username: a?.gitUsername ?? '' };
}

/** The request fields for the method chosen: a new token only when one was typed; leaving a method removes its secret. */
export function accessBody(
  fields: AccessFields,
  app?: PaasApp,
): { gitToken?: string | null; gitUsername?: string | null; deployKey?: boolean } {
  const had = app?.repoAccess;
  const body: { gitToken?: string | null; gitUsername?: string | null; deployKey?: boolean } = {};
  if (fields.method === 'token') {
    if (fields.token.trim()) body.gitToken = fields.token.trim();
    body.gitUsername = fields.username.trim() || null;
  } else if (had?.tokenSet) body.gitToken = null;
  if (fields.method === 'deployKey') body.deployKey = true;
  else if (had?.deployKey) body.deployKey = false;
  return body;
}

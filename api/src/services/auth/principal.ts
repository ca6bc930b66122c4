import type { Role, Scope } from './policy.js';

/** Who is calling: a signed-in user (session) or a third party (API key). */
export type Principal =
  | {
      kind: 'user';
      userId: string;
      role: Role;
      sessionFamilyId: string;
      jti: string;
      tokenExpiresAt: number;
      via: 'bearer' | 'cookie';
    }
  | { kind: 'apiKey'; apiKeyId: string; scopes: Scope[]; name: string };

/** Request facts a service may record (audit) or key on (rate limits); never taken from the body. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

export interface Actor extends ClientInfo {
  principal: Principal;
}

export function actorUserId(actor: Actor): string | null {
  return actor.principal.kind === 'user' ? actor.principal.userId : null;
}

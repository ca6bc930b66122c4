import { createContext, useContext } from 'react';
import type { AdminApi } from '../api/client';
import type { Scope, User } from '../api/types';
import { roleCan } from './permissions';

export interface Session {
  api: AdminApi;
  user: User;
  can(scope: Scope): boolean;
  setUser(user: User): void;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession() outside a signed-in screen');
  return s;
}

/** The typed client of the signed-in session. */
export const useApi = () => useSession().api.client;

export function makeSession(
  api: AdminApi,
  user: User,
  setUser: (u: User) => void,
  signOut: () => Promise<void>,
): Session {
  return { api, user, setUser, signOut, can: (scope) => !user.disabled && roleCan(user.role, scope) };
}

import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { PasswordHasher } from '../src/repositories/password-hasher.js';
import { UserRepository } from '../src/repositories/user.repository.js';
import type { Role } from '../src/services/auth/policy.js';
import type { TestApi } from './harness.js';

export const PASSWORD = 'violet-tram-harbour-42';
let hash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
}

/** A fresh user straight in the database (unique e-mail per call, so limiter keys never collide). */
export async function createUser(api: TestApi, role: Role, password = PASSWORD): Promise<TestUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.omervision.local`;
  const id = uuidv7();
  hash = password === PASSWORD ? (hash ??= new PasswordHasher().hash(PASSWORD)) : new PasswordHasher().hash(password);
  await new UserRepository(api.infra.database.db).create({
    id,
    email,
    name: `Test ${role}`,
    role,
    passwordHash: await hash,
  });
  return { id, email, password, role };
}

export interface LoggedIn {
  accessToken: string;
  csrfToken: string;
  /** Cookie header value with every cookie the login set. */
  cookies: string;
  setCookies: string[];
  refreshToken: string;
}

export async function login(
  api: TestApi,
  user: { email: string; password: string },
  extra: Record<string, unknown> = {},
): Promise<LoggedIn> {
  const res = await post(api, '/api/v1/auth/login', { email: user.email, password: user.password, ...extra });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string; csrfToken: string };
  const setCookies = res.headers.getSetCookie();
  const jar = Object.fromEntries(setCookies.map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return {
    accessToken: body.accessToken,
    csrfToken: body.csrfToken,
    setCookies,
    cookies: Object.entries(jar)
      .map(([k, v]) => `${k}=${v}`)
      .join('; '),
    refreshToken: jar.ov_refresh!,
  };
}

export function post(
  api: TestApi,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(api.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

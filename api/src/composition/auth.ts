import { Jobs } from '../jobs/job-spec.js';
import { SessionCookies } from '../middleware/cookies.js';
import type { RateLimitPresets } from '../middleware/rate-limit.js';
import { ApiKeyRepository } from '../repositories/api-key.repository.js';
import { DenylistRepository } from '../repositories/denylist.repository.js';
import { PasswordHasher } from '../repositories/password-hasher.js';
import { PasswordResetRepository } from '../repositories/password-reset.repository.js';
import { RateLimitRepository, type Bucket } from '../repositories/rate-limit.repository.js';
import { SessionRepository } from '../repositories/session.repository.js';
import { UserRepository } from '../repositories/user.repository.js';
import { ApiKeyService } from '../services/api-key.service.js';
import type { AuditService } from '../services/audit.service.js';
import { AuthService } from '../services/auth/auth.service.js';
import { Authenticator } from '../services/auth/authenticator.js';
import { PasswordService } from '../services/auth/password.service.js';
import { RevocationService } from '../services/auth/revocation.service.js';
import { SecretBox } from '../services/auth/secret-box.js';
import { TokenService } from '../services/auth/token.service.js';
import { TotpService } from '../services/auth/totp.service.js';
import { UserService } from '../services/user.service.js';
import type { Infrastructure } from './infrastructure.js';

/** Rate-limit buckets in Redis; RATE_LIMIT_ENABLED=false makes every bucket effectively unlimited. */
export function composeRateLimits(infra: Infrastructure) {
  const { env, redis } = infra;
  const limits = new RateLimitRepository(redis, env.REDIS_KEY_PREFIX);
  const unlimited = !env.RATE_LIMIT_ENABLED;
  const bucket = (name: string, points: number, seconds: number): Bucket =>
    limits.bucket(name, unlimited ? 1_000_000_000 : points, seconds);
  const presets: RateLimitPresets | null = unlimited
    ? null
    : {
        read: bucket('api-read', env.RATE_LIMIT_READ_PER_MIN, 60),
        write: bucket('api-write', env.RATE_LIMIT_WRITE_PER_MIN, 60),
        contact: bucket('contact', env.RATE_LIMIT_CONTACT_PER_HOUR, 3600),
      };
  return { limits, bucket, presets };
}

export type RateLimits = ReturnType<typeof composeRateLimits>;

/** Sign-in, sessions, passwords, TOTP, users and API keys: the API's side of authentication. */
export function composeAuth(infra: Infrastructure, audit: AuditService, rates: RateLimits) {
  const { env, database, redis, queues } = infra;
  const db = database.db;
  const { limits, bucket } = rates;
  const users = new UserRepository(db);
  const sessions = new SessionRepository(db);
  const apiKeys = new ApiKeyRepository(db);
  const hasher = new PasswordHasher();
  const tokens = new TokenService(env.JWT_SECRET, env.PUBLIC_API_URL);
  const denylist = new DenylistRepository(redis, env.REDIS_KEY_PREFIX);
  const revocation = new RevocationService(sessions, denylist);
  const totp = new TotpService(users, new SecretBox(env.JWT_SECRET, 'totp-at-rest'), hasher, audit, 'OmerVision');
  const auth = new AuthService(
    users,
    sessions,
    hasher,
    tokens,
    revocation,
    {
      attempts: bucket('login', env.RATE_LIMIT_LOGIN_PER_MIN, 60),
      lockouts: bucket('login-lockouts', 1000, 86_400),
      perIp: bucket('login-ip', env.RATE_LIMIT_LOGIN_IP_PER_15MIN, 900),
      perAccount: bucket(
        'login-account',
        env.RATE_LIMIT_LOGIN_ACCOUNT_FAILURES,
        env.RATE_LIMIT_LOGIN_ACCOUNT_WINDOW_MIN * 60,
      ),
      knownAddresses: limits.bucket('login-known', 1, 14 * 86_400),
    },
    totp,
    audit,
  );
  const passwords = new PasswordService(
    users,
    revocation,
    new PasswordResetRepository(db),
    hasher,
    {
      enqueueReset: async (data) =>
        void (await queues.enqueue(Jobs.passwordReset, data, { id: `password-reset:${data.requestId}` })),
    },
    bucket('password-reset', 3, 3600),
    audit,
  );
  // API keys carry their own per-minute limit; one bucket per distinct limit.
  const keyBuckets = new Map<number, Bucket>();
  const authenticator = new Authenticator(tokens, denylist, sessions, apiKeys, (perMinute) => {
    const points = perMinute ?? env.RATE_LIMIT_API_KEY_PER_MIN;
    let b = keyBuckets.get(points);
    if (!b) keyBuckets.set(points, (b = bucket(`apikey-${points}`, points, 60)));
    return b;
  });
  return {
    auth,
    passwords,
    totp,
    authenticator,
    cookies: new SessionCookies(env.COOKIE_SECURE ?? env.NODE_ENV === 'production'),
    users: new UserService(users, revocation, hasher, audit),
    apiKeys: new ApiKeyService(apiKeys, audit, () => authenticator.forget()),
  };
}

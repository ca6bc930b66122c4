import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  EnvUnreadable,
  isSealedEnv,
  type EnvSealer,
  type SealedEnv,
  type StoredEnv,
} from '../../domain/paas/app-env.js';
import { deriveKey } from '../auth/token.service.js';

/** The key of app variables at rest: its own purpose, so no other sealed secret shares it. */
export const APP_ENV_PURPOSE = 'paas-app-env';

/**
 * Seals each value of an app's variables with AES-256-GCM (`v1.<iv>.<tag>.<ciphertext>`, base64url,
 * the SecretBox format) under a key derived from JWT_SECRET, with the app id and the variable's
 * name as associated data: a value opens only in the row and under the name it was sealed for.
 * Names stay in the clear (domain/paas/app-env.ts says why).
 */
export class AppEnvBox implements EnvSealer {
  private readonly key: Buffer;

  constructor(masterSecret: string) {
    this.key = Buffer.from(deriveKey(masterSecret, APP_ENV_PURPOSE));
  }

  seal(appId: string, env: Record<string, string>): SealedEnv {
    return {
      $sealed: Object.fromEntries(
        Object.entries(env).map(([name, value]) => [name, this.sealValue(appId, name, value)]),
      ),
    };
  }

  open(appId: string, stored: StoredEnv): Record<string, string> {
    if (!isSealedEnv(stored)) return { ...stored };
    const bad: string[] = [];
    const values: Record<string, string> = {};
    for (const [name, sealed] of Object.entries(stored.$sealed)) {
      const value = this.openValue(appId, name, sealed);
      if (value === undefined) bad.push(name);
      else values[name] = value;
    }
    if (bad.length)
      throw new EnvUnreadable(
        `The app's environment variable${bad.length === 1 ? '' : 's'} ${bad.sort().join(', ')} cannot be opened ` +
          "(sealed under another JWT_SECRET, copied from another app, or altered); replace the app's variables to repair it.",
      );
    return values;
  }

  private sealValue(appId: string, name: string, value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(associated(appId, name));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
      '.',
    );
  }

  /** undefined when the value does not open (wrong key, app or name; altered; not our format). */
  private openValue(appId: string, name: string, sealed: string): string | undefined {
    const [version, iv, tag, body, extra] = typeof sealed === 'string' ? sealed.split('.') : [];
    if (version !== 'v1' || !iv || !tag || body === undefined || extra !== undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(associated(appId, name));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return undefined;
    }
  }
}

/** What a value is bound to: this purpose, the app and the name (NUL cannot occur in either). */
function associated(appId: string, name: string): Buffer {
  return Buffer.from(`${APP_ENV_PURPOSE}\0${appId}\0${name}`, 'utf8');
}

/**
 * An app's environment variables, as `paas_apps.env` stores them and as readers get them.
 *
 * Names stay readable without the key (the admin lists them with masked values, the audit log
 * records them, the app view shows them); each value is sealed on its own with AES-256-GCM under
 * the `paas-app-env` key derived from JWT_SECRET, bound to the app id and the variable's name
 * (services/paas/app-env-box.ts), so a value copied to another app's row, or to another name,
 * does not open. Rows written before sealing hold the plain map: readers accept both, and the
 * one-shot setup (db/setup.ts) seals them.
 */

/** `{ "$sealed": { NAME: "v1.<iv>.<tag>.<ciphertext>" } }`; a variable name never starts with `$`, so the forms cannot be confused. */
export interface SealedEnv {
  $sealed: Record<string, string>;
}

/** What the column holds: sealed, or (written before sealing) the plain map. */
export type StoredEnv = SealedEnv | Record<string, string>;

export function isSealedEnv(stored: StoredEnv): stored is SealedEnv {
  const sealed = (stored as Partial<SealedEnv>).$sealed;
  return typeof sealed === 'object' && sealed !== null;
}

/** The variable names, sorted, without opening anything. */
export function storedEnvNames(stored: StoredEnv | null | undefined): string[] {
  if (!stored) return [];
  return Object.keys(isSealedEnv(stored) ? stored.$sealed : stored).sort();
}

/** Seals and opens an app's variables (the worker and the API hold one; the app router does not). */
export interface EnvSealer {
  seal(appId: string, env: Record<string, string>): SealedEnv;
  /** Either form; throws EnvUnreadable when a value does not open for this app and name. */
  open(appId: string, stored: StoredEnv): Record<string, string>;
}

/** The values cannot be opened: sealed under another JWT_SECRET, copied from another app, or altered. */
export class EnvUnreadable extends Error {
  override readonly name = 'EnvUnreadable';
}

/**
 * An app row's variables: the names at hand, the values opened only when asked for (so a value that
 * cannot be opened fails the one step that needs it — a deployment, a reveal — not every listing).
 */
export class AppEnv {
  readonly names: readonly string[];

  constructor(
    names: readonly string[],
    private readonly opener: () => Record<string, string>,
  ) {
    this.names = names;
  }

  /** The plaintext values; throws EnvUnreadable. */
  values(): Record<string, string> {
    return this.opener();
  }

  /** Variables already in plaintext (a row built in memory, a test). */
  static plain(env: Record<string, string>): AppEnv {
    const copy = { ...env };
    return new AppEnv(Object.keys(copy).sort(), () => ({ ...copy }));
  }
}

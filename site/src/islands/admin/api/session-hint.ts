/**
 * What this browser knows about its admin session without asking the API: whether one was
 * started here and until when its access token lasts. The cookies themselves are HttpOnly; asking
 * `/auth/me` blindly answers 401 to every visitor who is signed out, and each 401 is an error in
 * the browser console. With the hint a signed-out visitor gets the sign-in form at once and an
 * expired access token is refreshed before the first call.
 */
const KEY = 'ov_admin_session';
/** The refresh token's lifetime (7 days): past it, only a new sign-in helps. */
const SESSION_MS = 7 * 24 * 3600_000;

interface Hint {
  accessUntil: number;
  sessionUntil: number;
}

function read(): Hint | undefined {
  try {
    const hint = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Hint | null;
    return hint && typeof hint.accessUntil === 'number' && typeof hint.sessionUntil === 'number' ? hint : undefined;
  } catch {
    return undefined;
  }
}

function write(hint: Hint | undefined): void {
  try {
    if (hint) window.localStorage.setItem(KEY, JSON.stringify(hint));
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage can be off (private mode): the admin then asks the API, as before.
  }
}

/** After a sign-in: a new session whose access token lasts `expiresIn` seconds. */
export function sessionStarted(expiresIn: number): void {
  const now = Date.now();
  write({ accessUntil: now + expiresIn * 1000, sessionUntil: now + SESSION_MS });
}

/** After a refresh: a new access token, the same session. */
export function accessRenewed(expiresIn: number): void {
  const hint = read();
  const now = Date.now();
  write({ accessUntil: now + expiresIn * 1000, sessionUntil: hint?.sessionUntil ?? now + SESSION_MS });
}

export function sessionEnded(): void {
  write(undefined);
}

/**
 * `none`: no session was started here (or it is past its lifetime); `expired`: refresh first;
 * `live`: ask as usual. Without storage the answer is `live`.
 */
export function sessionState(): 'none' | 'expired' | 'live' {
  try {
    window.localStorage.getItem(KEY);
  } catch {
    return 'live';
  }
  const hint = read();
  const now = Date.now();
  if (!hint || hint.sessionUntil <= now) return 'none';
  // A few seconds early: the token must still be valid when the request arrives.
  return hint.accessUntil - 10_000 <= now ? 'expired' : 'live';
}

import { useEffect, useState } from 'react';
import { confirmLeave, hasUnsavedChanges, leaveWithoutAsking, routeSettled } from './unsaved';

/**
 * Hash routing (`/admin/#/posts/42?status=draft`): the admin is one static page on the CDN, so
 * every screen lives after the `#` and no server has to know the routes.
 */
export interface Route {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** The address of the screen on show (what Back is undone to while the guard asks). */
let shown = '';

export function useRoute(): Route {
  const [route, setRoute] = useState(() => {
    shown = window.location.hash;
    return parseHash(shown);
  });
  useEffect(() => {
    const accept = () => {
      shown = window.location.hash;
      setRoute(parseHash(shown));
      routeSettled();
    };
    const onChange = () => {
      const wanted = window.location.hash;
      if (parseHash(wanted).path === parseHash(shown).path || !hasUnsavedChanges()) return accept();
      // Back, Forward or a typed address while an editor holds edits: keep its address while asking.
      window.history.replaceState(null, '', shown || '#/');
      void confirmLeave().then((ok) => {
        if (!ok) return;
        window.history.replaceState(null, '', wanted);
        accept();
      });
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** `href` for a link to a screen. */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) q.set(k, v);
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/** Goes to a screen as the result of an action (saved, deleted, filtered): never asks first. */
export function navigate(path: string, query?: Record<string, string | undefined>, replace = false): void {
  const target = href(path, query);
  if (target !== window.location.hash) leaveWithoutAsking();
  if (replace) {
    window.history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

/** Matches `/posts/:id` against `/posts/42` → `{ id: '42' }`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(':')) params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

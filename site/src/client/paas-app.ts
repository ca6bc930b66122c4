import { demoState, type DemoState } from '../lib/demo-state.ts';

/**
 * /paas/ and /paas/<slug>/ (one file). On /paas/ the public apps' statuses are refreshed from the
 * API (the list is as of the build). On /paas/<slug>/ the app's status comes from the public PaaS
 * API and, when it runs, the app itself is shown in a sandboxed iframe from its own origin.
 */
export async function setUpPaas(root: HTMLElement): Promise<void> {
  const slug = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  if (slug) return showApp(root, slug);
  await refreshList(root);
}

type Labels = Record<DemoState, string>;

function setBadge(badge: HTMLElement | null, status: string, labels: Labels): DemoState {
  const state = demoState(status);
  if (badge) {
    badge.dataset.state = state;
    badge.textContent = labels[state] ?? status;
  }
  return state;
}

async function refreshList(root: HTMLElement): Promise<void> {
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
  let apps: { slug: string; status: string }[];
  try {
    const res = await fetch(`${root.dataset.api}/api/v1/paas/apps`, { headers: { accept: 'application/json' } });
    if (!res.ok) return;
    apps = (await res.json()) as { slug: string; status: string }[];
  } catch {
    return; // the statuses of the build stay
  }
  const live = new Map(apps.map((a) => [a.slug, a.status]));
  for (const card of root.querySelectorAll<HTMLElement>('[data-app]')) {
    const status = live.get(card.dataset.app ?? '');
    // An app no longer public (or deleted) since the build leaves the list.
    if (status === undefined) {
      card.remove();
      continue;
    }
    const state = setBadge(card.querySelector('.status'), status, labels);
    const open = card.querySelector<HTMLElement>('.app-open');
    if (open) open.hidden = state !== 'running';
  }
}

async function showApp(root: HTMLElement, slug: string): Promise<void> {
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
  const view = root.querySelector<HTMLElement>('#paas-app')!;
  const statusEl = root.querySelector<HTMLElement>('#paas-status')!;
  const title = root.querySelector<HTMLElement>('#paas-title')!;
  root.querySelector<HTMLElement>('#paas-list')!.hidden = true;
  root.querySelector<HTMLElement>('#paas-lead')!.hidden = true;
  view.hidden = false;
  const unavailable = () => {
    statusEl.textContent = root.dataset.unavailable ?? 'Not available';
  };
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) return unavailable();
  title.textContent = slug;
  let app: Record<string, unknown>;
  try {
    const res = await fetch(`${root.dataset.api}/api/v1/paas/apps/${encodeURIComponent(slug)}`, {
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return unavailable();
    app = (await res.json()) as Record<string, unknown>;
  } catch {
    return unavailable();
  }
  const name = typeof app.name === 'string' ? app.name : slug;
  const status = typeof app.status === 'string' ? app.status : 'unknown';
  const url = typeof app.url === 'string' ? safeUrl(app.url) : null;
  title.textContent = name;
  document.title = `${name} · ${document.title.split(' · ').pop()}`;
  const state = setBadge(statusEl, status, labels);
  if (state !== 'running' || !url) return;
  const link = root.querySelector<HTMLElement>('#paas-link')!;
  const a = link.querySelector('a')!;
  a.href = url.toString();
  a.querySelector('span')!.textContent = root.dataset.open ?? 'Open';
  link.hidden = false;
  const frame = document.createElement('iframe');
  frame.className = 'app-frame';
  frame.title = (root.dataset.frameTitle ?? '{name}').replace('{name}', name);
  frame.src = url.toString();
  frame.loading = 'lazy';
  frame.referrerPolicy = 'no-referrer';
  // The app's own origin may keep its own storage; it must never share the site's origin.
  const sandbox = ['allow-scripts', 'allow-forms', 'allow-popups'];
  if (url.origin !== location.origin) sandbox.push('allow-same-origin');
  frame.setAttribute('sandbox', sandbox.join(' '));
  view.append(frame);
}

function safeUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

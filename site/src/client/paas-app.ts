/**
 * /paas/<slug>/: the app's status from the public PaaS API and, when it runs, the app itself in a
 * sandboxed iframe loaded from the app's own origin. The app API may not exist yet or may not know
 * the slug: both show a clear "not available" state.
 */
export async function showApp(root: HTMLElement): Promise<void> {
  const slug = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
  const statusEl = root.querySelector<HTMLElement>('#paas-status')!;
  const title = root.querySelector<HTMLElement>('#paas-title')!;
  const unavailable = () => {
    statusEl.textContent = root.dataset.unavailable ?? 'Not available';
  };
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(slug)) return unavailable();
  title.textContent = slug;
  let app: Record<string, unknown>;
  try {
    const res = await fetch(`${root.dataset.api}/api/v1/paas/apps/${encodeURIComponent(slug)}`, { headers: { accept: 'application/json' } });
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
  statusEl.textContent = `${root.dataset.statusLabel}: ${status}`;
  if (status !== 'running' || !url) return;
  const link = root.querySelector<HTMLElement>('#paas-link')!;
  const a = link.querySelector('a')!;
  a.href = url.toString();
  a.textContent = root.dataset.open ?? 'Open';
  link.hidden = false;
  const frame = document.createElement('iframe');
  frame.className = 'app-frame';
  frame.title = name;
  frame.src = url.toString();
  frame.loading = 'lazy';
  frame.referrerPolicy = 'no-referrer';
  // The app's own origin may keep its own storage; it must never share the site's origin.
  const sandbox = ['allow-scripts', 'allow-forms', 'allow-popups'];
  if (url.origin !== location.origin) sandbox.push('allow-same-origin');
  frame.setAttribute('sandbox', sandbox.join(' '));
  root.append(frame);
}

function safeUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

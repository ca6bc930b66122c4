import { demoState, type DemoState } from '../lib/demo-state.ts';

/**
 * The project page's live demo, brought up to date: the page was built with the app's status of
 * that moment; the API knows the current one. A stopped app never leaves a dead frame behind, and
 * an app that started since the build gets its frame.
 */
export async function watchDemo(root: HTMLElement): Promise<void> {
  let app: { status?: unknown; url?: unknown } | null;
  try {
    const res = await fetch(`${root.dataset.api}/api/v1/projects/${encodeURIComponent(root.dataset.project ?? '')}`, {
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return;
    app = ((await res.json()) as { app?: { status?: unknown; url?: unknown } | null }).app ?? null;
  } catch {
    return; // the API is unreachable: the built status stays
  }
  const state = demoState(typeof app?.status === 'string' ? app.status : null);
  const url = typeof app?.url === 'string' ? webUrl(app.url) : null;
  showState(root, url ? state : 'stopped', url);
}

function showState(root: HTMLElement, state: DemoState, url: URL | null): void {
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Record<DemoState, string>;
  const badge = root.querySelector<HTMLElement>('#demo-status');
  if (badge) {
    badge.dataset.state = state;
    badge.textContent = labels[state] ?? state;
  }
  root.dataset.state = state;
  const frameBox = root.querySelector<HTMLElement>('#demo-frame')!;
  const off = root.querySelector<HTMLElement>('#demo-off')!;
  const open = root.querySelector<HTMLAnchorElement>('#demo-open');
  const running = state === 'running' && url !== null;
  let frame = frameBox.querySelector('iframe');
  if (!running) {
    frame?.remove();
    frameBox.hidden = true;
    off.textContent = (state === 'building' ? root.dataset.busy : root.dataset.off) ?? '';
    off.hidden = false;
    if (open) open.hidden = true;
    return;
  }
  if (!frame || frame.src !== url.href) {
    frame?.remove();
    frame = document.createElement('iframe');
    frame.title = root.dataset.frameTitle ?? '';
    frame.setAttribute('sandbox', 'allow-scripts allow-forms');
    frame.referrerPolicy = 'no-referrer';
    frame.loading = 'lazy';
    frame.src = url.href;
    frameBox.append(frame);
  }
  frameBox.hidden = false;
  off.hidden = true;
  if (open) {
    open.href = url.href;
    open.hidden = false;
  }
}

function webUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

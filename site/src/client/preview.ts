import type { components } from '../lib/api/schema';

type PublicPost = components['schemas']['PublicPost'];

/** /preview/?token=…: a draft from GET /api/v1/preview/posts (the API renders and sanitises its HTML). */
export async function showPreview(root: HTMLElement): Promise<void> {
  const token = new URLSearchParams(location.search).get('token');
  const status = root.querySelector<HTMLElement>('#preview-status')!;
  const failed = () => {
    status.textContent = root.dataset.failed ?? 'Preview failed';
  };
  if (!token) return failed();
  try {
    const res = await fetch(`${root.dataset.api}/api/v1/preview/posts?token=${encodeURIComponent(token)}`, {
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return failed();
    const post = (await res.json()) as PublicPost;
    root.querySelector<HTMLElement>('#preview-title')!.textContent = post.title;
    document.title = `${post.title} · ${document.title.split(' · ').pop()}`;
    status.textContent = post.excerpt;
    root.querySelector<HTMLElement>('#preview-body')!.innerHTML = post.html;
  } catch {
    failed();
  }
}

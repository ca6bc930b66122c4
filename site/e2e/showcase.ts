import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { v7 as uuidv7 } from 'uuid';
import { paasApps } from '../../api/src/db/schema.js';
import { eventually } from '../../api/test/harness.js';
import type { Stack } from './stack.ts';

/**
 * The demo content dressed as a real portfolio for the look tests and screenshots: cover images
 * (with their AVIF/WebP variants from the real media job), an author photo, and two PaaS apps
 * linked to projects, one running (served by `demoAppServer`) and one stopped. The apps are rows,
 * not deployments: the site only reads their status.
 */
export interface Showcase {
  running: { project: string; app: string };
  stopped: { project: string; app: string };
}

const PALETTES = [
  ['#1e3a8a', '#0ea5e9', '#f0f9ff'],
  ['#7c2d12', '#f97316', '#fff7ed'],
  ['#14532d', '#22c55e', '#f0fdf4'],
  ['#581c87', '#d946ef', '#fdf4ff'],
];

/** A 1600×900 abstract cover (shapes only: no fonts involved), as JPEG. */
export function coverImage(i: number): Promise<Buffer> {
  const [dark, mid, light] = PALETTES[i % PALETTES.length]!;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
    <rect width="1600" height="900" fill="url(#g)"/>
    <rect x="180" y="150" width="1240" height="640" rx="28" fill="${light}" opacity="0.95"/>
    <rect x="180" y="150" width="1240" height="64" rx="28" fill="${dark}" opacity="0.9"/>
    <circle cx="230" cy="182" r="12" fill="#f87171"/><circle cx="270" cy="182" r="12" fill="#fbbf24"/><circle cx="310" cy="182" r="12" fill="#4ade80"/>
    <rect x="240" y="270" width="${420 + 60 * i}" height="36" rx="10" fill="${dark}"/>
    <rect x="240" y="330" width="720" height="20" rx="8" fill="${mid}" opacity="0.6"/>
    <rect x="240" y="370" width="640" height="20" rx="8" fill="${mid}" opacity="0.4"/>
    <rect x="240" y="450" width="340" height="260" rx="18" fill="${mid}" opacity="0.85"/>
    <rect x="620" y="450" width="340" height="260" rx="18" fill="${dark}" opacity="0.8"/>
    <rect x="1000" y="450" width="340" height="260" rx="18" fill="${mid}" opacity="0.55"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

/** A 640×640 portrait placeholder: a face-like silhouette on a gradient. */
export function avatarImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640" viewBox="0 0 640 640">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#38bdf8"/></linearGradient></defs>
    <rect width="640" height="640" fill="url(#g)"/>
    <circle cx="320" cy="260" r="120" fill="#fde7d3"/>
    <path d="M150 640c0-120 76-200 170-200s170 80 170 200z" fill="#0f172a"/>
    <path d="M205 230c0-80 50-130 115-130s115 50 115 130c-30-40-70-55-115-55s-85 15-115 55z" fill="#3f2a1d"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

async function upload(stack: Stack, bytes: Buffer, filename: string, alt: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), filename);
  form.append('alt', alt);
  const res = await fetch(`${stack.api.url}/api/v1/admin/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.token}` },
    body: form,
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`upload ${filename}: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await eventually(
    async () =>
      ((await (await stack.call('GET', `/api/v1/admin/media/${id}`)).json()) as { status: string }).status === 'ready',
    60_000,
  );
  return id;
}

async function must(res: Promise<Response>, what: string): Promise<unknown> {
  const r = await res;
  if (!r.ok) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

export async function dressUp(stack: Stack): Promise<Showcase> {
  const projects = (await must(stack.call('GET', '/api/v1/admin/projects?limit=100'), 'projects')) as
    { items?: { id: string; slug: string }[] } | { id: string; slug: string }[];
  const list = Array.isArray(projects) ? projects : (projects.items ?? []);
  const bySlug = new Map(list.map((p) => [p.slug, p.id]));
  const covers: string[] = [];
  for (let i = 0; i < 4; i++)
    covers.push(await upload(stack, await coverImage(i), `kapak-${i + 1}.jpg`, `Proje ekran görüntüsü ${i + 1}`));
  const avatar = await upload(stack, await avatarImage(), 'omer.jpg', 'Ömer’in portresi');

  const db = stack.api.infra.database.db;
  const running = { id: uuidv7(), slug: 'kargo-demo' };
  const stopped = { id: uuidv7(), slug: 'metrics-demo' };
  await db.insert(paasApps).values([
    {
      id: running.id,
      slug: running.slug,
      name: 'Kargo Takip demo',
      repoUrl: 'https://github.com/omervision/kargo-takip.git',
      env: {},
      status: 'running',
      isPublic: true,
    },
    {
      id: stopped.id,
      slug: stopped.slug,
      name: 'tiny-metrics demo',
      repoUrl: 'https://github.com/omervision/tiny-metrics.git',
      env: {},
      status: 'stopped',
      isPublic: true,
    },
  ]);

  const patch = (slug: string, body: Record<string, unknown>) =>
    must(stack.call('PATCH', `/api/v1/admin/projects/${bySlug.get(slug)}`, body), `project ${slug}`);
  await patch('omervision', { imageIds: [covers[0], covers[3]] });
  await patch('kargo-takip', { imageIds: [covers[1], covers[2], covers[3]], paasAppId: running.id, featured: true });
  await patch('tiny-metrics', { imageIds: [covers[2]], paasAppId: stopped.id });
  const settings = (await must(stack.call('GET', '/api/v1/admin/settings'), 'settings')) as {
    author: Record<string, unknown>;
  };
  await must(
    stack.call('PATCH', '/api/v1/admin/settings', { author: { ...settings.author, avatarId: avatar } }),
    'settings',
  );
  const posts = (await must(stack.call('GET', '/api/v1/admin/posts?limit=50'), 'posts')) as {
    items: { id: string; slug: string }[];
  };
  for (const [slug, cover] of [
    ['typescript-ile-temiz-katmanlar', covers[0]],
    ['docker-konteynerlerini-guvenle-calistirmak', covers[1]],
  ] as const) {
    const post = posts.items.find((p) => p.slug === slug);
    if (post)
      await must(stack.call('PATCH', `/api/v1/admin/posts/${post.id}`, { coverMediaId: cover }), `post ${slug}`);
  }
  return {
    running: { project: 'kargo-takip', app: running.slug },
    stopped: { project: 'tiny-metrics', app: stopped.slug },
  };
}

/** What the running demo app shows: a small page from "the app's own origin" (PAAS_APP_URL points here). */
export async function demoAppServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="tr"><meta charset="utf-8"><title>Kargo Takip</title>
      <body style="font-family:system-ui;margin:0;padding:2rem;background:#f8fafc;color:#0f172a">
      <h1 style="margin-top:0">Kargo Takip</h1><p>Takip numarası girin:</p>
      <form><input name="no" aria-label="Takip numarası" style="padding:.5rem;font:inherit"> <button style="padding:.5rem 1rem;font:inherit">Sorgula</button></form>
      <p style="color:#475569">${req.url?.replace(/[<>&"]/g, '') ?? ''}</p></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IconNode } from 'lucide';
// One module per icon: the package's index loads all 2,000 icons (~150 ms on every build).
import ArrowRight from 'lucide/dist/esm/icons/arrow-right.mjs';
import ArrowUpRight from 'lucide/dist/esm/icons/arrow-up-right.mjs';
import Calendar from 'lucide/dist/esm/icons/calendar.mjs';
import ChevronLeft from 'lucide/dist/esm/icons/chevron-left.mjs';
import ChevronRight from 'lucide/dist/esm/icons/chevron-right.mjs';
import Clock from 'lucide/dist/esm/icons/clock.mjs';
import Code from 'lucide/dist/esm/icons/code.mjs';
import ExternalLink from 'lucide/dist/esm/icons/external-link.mjs';
import Globe from 'lucide/dist/esm/icons/globe.mjs';
import Hash from 'lucide/dist/esm/icons/hash.mjs';
import Link from 'lucide/dist/esm/icons/link.mjs';
import Mail from 'lucide/dist/esm/icons/mail.mjs';
import Moon from 'lucide/dist/esm/icons/moon.mjs';
import Play from 'lucide/dist/esm/icons/play.mjs';
import Rss from 'lucide/dist/esm/icons/rss.mjs';
import Search from 'lucide/dist/esm/icons/search.mjs';
import Sun from 'lucide/dist/esm/icons/sun.mjs';
import Tag from 'lucide/dist/esm/icons/tag.mjs';
import { titleToSlug } from 'simple-icons/sdk';

/**
 * Icons inlined into the HTML at build time: Lucide for the interface, Simple Icons for technology
 * and social logos. Nothing is fetched by the browser; every icon is decorative (aria-hidden) and
 * the text next to it carries the meaning.
 */
const UI = {
  'arrow-right': ArrowRight,
  'arrow-up-right': ArrowUpRight,
  calendar: Calendar,
  'chevron-left': ChevronLeft,
  'chevron-right': ChevronRight,
  clock: Clock,
  code: Code,
  'external-link': ExternalLink,
  globe: Globe,
  hash: Hash,
  link: Link,
  mail: Mail,
  moon: Moon,
  play: Play,
  rss: Rss,
  search: Search,
  sun: Sun,
  tag: Tag,
} satisfies Record<string, IconNode>;

export type UiIcon = keyof typeof UI;

const esc = (v: string) => v.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const made = new Map<string, string>();

export function uiIcon(name: UiIcon, size = 18): string {
  const key = `${name}:${size}`;
  let svg = made.get(key);
  if (!svg) made.set(key, (svg = render(name, size)));
  return svg;
}

function render(name: UiIcon, size: number): string {
  const body = UI[name]
    .map(
      ([tag, attrs]) =>
        `<${tag} ${Object.entries(attrs)
          .map(([k, v]) => `${k}="${esc(String(v))}"`)
          .join(' ')}/>`,
    )
    .join('');
  return `<svg class="icon" xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

const require = createRequire(import.meta.url);
const brandPaths = new Map<string, string | null>();

/** The Simple Icons path of a brand or technology by its name (`Node.js`, `MariaDB`), or null. */
export function brandPath(name: string): string | null {
  const slug = titleToSlug(ALIASES[name.toLowerCase()] ?? name);
  if (!brandPaths.has(slug)) {
    let path: string | null = null;
    try {
      path = /\sd="([^"]+)"/.exec(readFileSync(require.resolve(`simple-icons/icons/${slug}.svg`), 'utf8'))?.[1] ?? null;
    } catch {
      // not a brand Simple Icons has
    }
    brandPaths.set(slug, path);
  }
  return brandPaths.get(slug)!;
}

/** Names people write that Simple Icons spells otherwise. */
const ALIASES: Record<string, string> = {
  node: 'Node.js',
  nodejs: 'Node.js',
  ts: 'TypeScript',
  js: 'JavaScript',
  postgres: 'PostgreSQL',
  golang: 'Go',
  'c#': 'C Sharp',
  'c++': 'C++',
  vue: 'Vue.js',
  'next.js': 'Next.js',
  nextjs: 'Next.js',
  tailwind: 'Tailwind CSS',
  k8s: 'Kubernetes',
  twitter: 'X',
};

export function brandIcon(name: string, size = 16): string | null {
  const d = brandPath(name);
  return d
    ? `<svg class="icon si" xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false"><path d="${esc(d)}"/></svg>`
    : null;
}

/** Hosts of social networks → their Simple Icons name. */
const SOCIAL_HOSTS: [RegExp, string][] = [
  [/(^|\.)github\.com$/, 'GitHub'],
  [/(^|\.)gitlab\.com$/, 'GitLab'],
  [/(^|\.)codeberg\.org$/, 'Codeberg'],
  [/(^|\.)(x|twitter)\.com$/, 'X'],
  [/(^|\.)bsky\.app$/, 'Bluesky'],
  [/(^|\.)youtube\.com$|^youtu\.be$/, 'YouTube'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
  [/(^|\.)dev\.to$/, 'DEV.to'],
  [/(^|\.)medium\.com$/, 'Medium'],
  [/(^|\.)stackoverflow\.com$/, 'Stack Overflow'],
  [/(^|\.)t\.me$/, 'Telegram'],
  [/(^|\.)discord\.(gg|com)$/, 'Discord'],
  [/(^|\.)linkedin\.com$/, 'LinkedIn'],
  [/(^|\.)mastodon\.|(^|\.)fosstodon\.org$|(^|\.)hachyderm\.io$/, 'Mastodon'],
];

/** The icon of a social link: the network's logo by host (or label), mail for mailto:, else a globe. */
export function socialIcon(url: string, label: string, size = 20): string {
  if (url.startsWith('mailto:')) return uiIcon('mail', size);
  if (/\/(rss|feed)(\.xml)?\/?$/i.test(url)) return uiIcon('rss', size);
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    // a site path
  }
  const network = SOCIAL_HOSTS.find(([re]) => re.test(host))?.[1] ?? label;
  return brandIcon(network, size) ?? uiIcon(url.startsWith('/') ? 'link' : 'globe', size);
}

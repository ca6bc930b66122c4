/**
 * Success examples of the main public reads (`@Example(CONSTANT)`). tsoa reads these constants at
 * generation time: plain object and array literals only (no spreads, computed values or `as const`).
 */
import type { PublicPostPage } from '../dtos/post.dto.js';

export const POST_PAGE_EXAMPLE: PublicPostPage = {
  items: [
    {
      id: '0197a3c2-8000-7d00-9e00-0123456789ab',
      slug: 'hello-world',
      title: 'Hello, world',
      excerpt: 'Why this site exists and what runs it.',
      coverMediaId: '0197a3c2-8006-7d00-9e00-0123456789ab',
      cover: {
        id: '0197a3c2-8006-7d00-9e00-0123456789ab',
        url: 'https://media.omervision.dev/0197a3c2-8006/original.jpg',
        alt: 'A desk with a laptop',
        width: 1600,
        height: 900,
        focalX: 0.5,
        focalY: 0.4,
        variants: [
          { url: 'https://media.omervision.dev/0197a3c2-8006/800.webp', format: 'webp', width: 800, height: 450 },
        ],
      },
      tags: [
        { id: '0197a3c2-8001-7d00-9e00-0123456789ab', name: 'Meta', slug: 'meta', description: 'About this site.' },
      ],
      author: { id: '0197a3c2-8005-7d00-9e00-0123456789ab', name: 'Ömer' },
      featured: true,
      language: 'en',
      readingTimeMinutes: 3,
      publishedAt: '2026-11-02T09:30:00.000Z',
      updatedAt: '2026-11-03T12:00:00.000Z',
    },
  ],
  nextCursor: 'eyJwIjoiMjAyNi0xMS0wMlQwOTozMDowMC4wMDBaIiwiaSI6IjAxOTdhM2MyIn0',
};

export const PAGES_EXAMPLE = [
  {
    id: '0197a3c2-8002-7d00-9e00-0123456789ab',
    slug: 'about',
    title: 'About',
    html: '<h2 id="hello">Hello</h2><p>I build things for the web.</p>',
    toc: [{ id: 'hello', text: 'Hello', level: 2 }],
    seoTitle: null,
    seoDescription: 'Who I am and what I do.',
    publishedAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-05T10:15:00.000Z',
    bodyImages: [],
  },
];

export const PAGE_EXAMPLE = {
  id: '0197a3c2-8002-7d00-9e00-0123456789ab',
  slug: 'about',
  title: 'About',
  html: '<h2 id="hello">Hello</h2><p>I build things for the web.</p>',
  toc: [{ id: 'hello', text: 'Hello', level: 2 }],
  seoTitle: null,
  seoDescription: 'Who I am and what I do.',
  publishedAt: '2026-10-01T08:00:00.000Z',
  updatedAt: '2026-10-05T10:15:00.000Z',
  bodyImages: [],
};

export const SKILLS_EXAMPLE = [
  { id: '0197a3c2-8003-7d00-9e00-0123456789ab', name: 'TypeScript', category: 'Languages', level: 90, sortOrder: 0 },
  { id: '0197a3c2-8004-7d00-9e00-0123456789ab', name: 'MariaDB', category: 'Data', level: 75, sortOrder: 1 },
];

export const TAGS_EXAMPLE = [
  {
    id: '0197a3c2-8001-7d00-9e00-0123456789ab',
    name: 'Meta',
    slug: 'meta',
    description: 'About this site.',
    postCount: 4,
  },
];

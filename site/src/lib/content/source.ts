/**
 * The seam between the pages and where their data lives, free of `astro:content` so the resident
 * renderer (scripts/renderer.ts, plain Node) can import it. site-data.ts reads Astro's content store
 * unless a ContentSource is installed under CONTENT_SOURCE: the resident renderer keeps the content in
 * memory between publishes and renders changed pages with the bundle of one `astro build`, whose own
 * content store is a snapshot of that build. `generation` changes with every sync, so work done per
 * generation (sorting a thousand posts) is done once per publish, not once per page.
 */
export interface Entry<T> {
  id: string;
  data: T;
  digest: string;
}

export type CollectionName = 'posts' | 'projects' | 'pages' | 'skills' | 'tags' | 'apps' | 'settings';

export interface ContentSource {
  generation: number;
  entries(name: CollectionName): Entry<unknown>[];
}

export const CONTENT_SOURCE = Symbol.for('omervision.site.content-source');

export function installContentSource(source: ContentSource | undefined): void {
  (globalThis as { [CONTENT_SOURCE]?: ContentSource })[CONTENT_SOURCE] = source;
}

export function contentSource(): ContentSource | undefined {
  return (globalThis as { [CONTENT_SOURCE]?: ContentSource })[CONTENT_SOURCE];
}

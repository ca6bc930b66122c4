/**
 * Every event a content change emits (webhook subscribers choose among these). `site.changed` is
 * emitted with every public-facing change so a static-site builder needs one subscription only;
 * the dispatcher coalesces bursts of it.
 */
export const CONTENT_EVENTS = [
  'post.published',
  'post.updated',
  'post.unpublished',
  'post.deleted',
  'project.published',
  'project.updated',
  'project.unpublished',
  'project.deleted',
  'page.published',
  'page.updated',
  'page.unpublished',
  'page.deleted',
  'settings.updated',
  'media.created',
  'media.updated',
  'media.deleted',
  'site.changed',
] as const;
export type ContentEvent = (typeof CONTENT_EVENTS)[number];

/** Cache namespaces, invalidated together with the events above. */
export const CACHE_NS = {
  posts: 'posts',
  projects: 'projects',
  pages: 'pages',
  taxonomy: 'taxonomy',
  settings: 'settings',
} as const;

import { defineCollection } from 'astro:content';
import {
  appsLoader,
  pagesLoader,
  postsLoader,
  projectsLoader,
  settingsLoader,
  skillsLoader,
  tagsLoader,
} from './lib/content/loaders.ts';

// Everything comes from the CMS API (src/lib/content/loaders.ts); the data types are the generated
// API types (src/lib/api/schema.d.ts), applied in src/lib/site-data.ts.
export const collections = {
  posts: defineCollection({ loader: postsLoader() }),
  projects: defineCollection({ loader: projectsLoader() }),
  pages: defineCollection({ loader: pagesLoader() }),
  skills: defineCollection({ loader: skillsLoader() }),
  tags: defineCollection({ loader: tagsLoader() }),
  settings: defineCollection({ loader: settingsLoader() }),
  apps: defineCollection({ loader: appsLoader() }),
};

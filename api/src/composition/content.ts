import { Jobs } from '../jobs/job-spec.js';
import { ApiKeyRepository } from '../repositories/api-key.repository.js';
import { AuditRepository } from '../repositories/audit.repository.js';
import { TransactionRunner } from '../repositories/database.js';
import { MediaRepository } from '../repositories/media.repository.js';
import { OutboxRepository } from '../repositories/outbox.repository.js';
import { PaasRepository } from '../repositories/paas.repository.js';
import { PostRepository } from '../repositories/post.repository.js';
import { PageRepository, ProjectRepository } from '../repositories/project.repository.js';
import { TaxonomyRepository } from '../repositories/taxonomy.repository.js';
import { AuditService } from '../services/audit.service.js';
import { ContentChanges } from '../services/content/content-changes.js';
import { PageService } from '../services/content/page.service.js';
import { PostAuthors } from '../services/content/post-authors.js';
import { PostService } from '../services/content/post.service.js';
import { PreviewTokens } from '../services/content/preview-tokens.js';
import { ProjectService } from '../services/content/project.service.js';
import { PublicCatalogService } from '../services/content/public-catalog.service.js';
import { PublicContentService } from '../services/content/public-content.service.js';
import { PublishingService } from '../services/content/publishing.service.js';
import { TaxonomyService } from '../services/content/taxonomy.service.js';
import { publicImageLookup } from '../services/media/public-images.js';
import { demoAppLookup } from '../services/paas/demo-apps.js';
import { paasUrls } from '../services/paas/views.js';
import { createReadCache, type Infrastructure } from './infrastructure.js';

/** Posts, projects, pages, tags/skills and their public reads; shared by the API and the worker (scheduled publishing). */
export function composeContent(
  infra: Infrastructure,
  audit = new AuditService(new AuditRepository(infra.database.db)),
) {
  const { env, database, queues } = infra;
  const db = database.db;
  const posts = new PostRepository(db);
  const cache = createReadCache(infra);
  const changes = new ContentChanges(new OutboxRepository(db), cache);
  const tx = new TransactionRunner(db);
  const images = publicImageLookup(new MediaRepository(db), (key) => infra.storage.publicUrl(key));
  const postService = new PostService(posts, tx, changes, audit, new PostAuthors(new ApiKeyRepository(db)).authorOf);
  const publishing = new PublishingService(
    posts,
    postService,
    tx,
    changes,
    audit,
    {
      schedulePublish: async (postId, at) =>
        void (await queues.enqueue(
          Jobs.postPublish,
          { postId, at: at.toISOString() },
          { id: `publish:${postId}:${at.getTime()}`, runAt: at },
        )),
    },
    new PreviewTokens(env.JWT_SECRET, env.PUBLIC_API_URL),
    (token) => `${env.SITE_URL}/preview/?token=${encodeURIComponent(token)}`,
    images,
  );
  const projects = new ProjectRepository(db);
  const pages = new PageRepository(db);
  const taxonomy = new TaxonomyRepository(db);
  return {
    cache,
    postService,
    publishing,
    publicContent: new PublicContentService(posts, cache, images),
    projects: new ProjectService(projects, tx, changes, audit),
    pages: new PageService(pages, tx, changes, audit),
    taxonomy: new TaxonomyService(taxonomy, tx, changes, audit),
    publicCatalog: new PublicCatalogService(
      projects,
      pages,
      taxonomy,
      cache,
      images,
      demoAppLookup(new PaasRepository(db), paasUrls(env)),
    ),
  };
}

export type ContentServices = ReturnType<typeof composeContent>;

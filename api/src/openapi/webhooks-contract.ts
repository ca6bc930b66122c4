import { CONTENT_EVENTS, type ContentEvent } from '../services/content/events.js';

/**
 * The webhooks we send, as an OpenAPI section. tsoa emits OpenAPI 3.0, which has no `webhooks`
 * key, so `merge-webhooks.ts` adds this as `x-webhooks` (the 3.0 extension Redoc and others read)
 * after generation. Once the document is 3.1 the same object moves to `webhooks` unchanged
 * (docs/api.md, "Webhooks in the contract").
 *
 * The shapes mirror what the services put in the outbox (content-changes.ts and its callers) and
 * what delivery.ts wraps them in; `CONTENT_EVENTS` is the source of the list, so an event added
 * there without a payload here fails typecheck.
 */

type Schema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });

/** Every event's `data` carries these, then the event's own fields. */
const COMMON_DATA: Record<string, Schema> = {
  eventId: str('Id of the event (time-ordered UUIDv7). The same event sent to two subscriptions has the same eventId.'),
  aggregateType: str('Kind of thing that changed: `post`, `project`, `page`, `settings`, `media`, `site`, `import`, `tag`, `skill`, …'),
  aggregateId: str('Id of the thing that changed.'),
  at: str('When the change was committed.', { format: 'date-time' }),
};

function dataSchema(description: string, own: Record<string, Schema>, required: string[]): Schema {
  return {
    type: 'object',
    description,
    properties: { ...COMMON_DATA, ...own },
    required: ['eventId', 'aggregateType', 'aggregateId', 'at', ...required],
  };
}

const slug = str('Slug of the item at the time of the event.');

/** `data` shapes, shared by events that carry the same fields. */
export const WEBHOOK_DATA_SCHEMAS: Record<string, Schema> = {
  SlugWebhookData: dataSchema('A post, project or page, by id and slug.', { slug }, ['slug']),
  PostPublishedWebhookData: dataSchema('A post went public.', {
    slug, title: str('Title of the post.'), publishedAt: str('Publication time shown on the post.', { format: 'date-time' }),
  }, ['slug', 'title', 'publishedAt']),
  PostUpdatedWebhookData: dataSchema('A public post changed.', {
    slug, previousSlug: str('The slug before this change, present only when the slug changed (the old URL now redirects).'),
  }, ['slug']),
  PostUnpublishedWebhookData: dataSchema('A public post left the site.', {
    slug, status: str('What the post became.', { enum: ['draft', 'archived'] }),
  }, ['slug', 'status']),
  SettingsUpdatedWebhookData: dataSchema('Site settings changed.', {
    keys: { type: 'array', items: { type: 'string' }, description: 'Names of the settings written.' },
  }, ['keys']),
  MediaCreatedWebhookData: dataSchema('A file was uploaded (its variants follow in a `media.updated`).', {
    id: str('Media id.'), filename: str('Original file name.'), mimeType: str('Detected type, e.g. `image/png`.'),
  }, ['id', 'filename', 'mimeType']),
  MediaUpdatedWebhookData: dataSchema('Media metadata or variants changed.', {
    id: str('Media id.'),
    fields: { type: 'array', items: { type: 'string' }, description: 'Fields that changed, e.g. `alt`, `focalPoint`, `variants`, `status`.' },
    status: str('Present when processing finished.', { enum: ['ready'] }),
  }, ['id', 'fields']),
  MediaDeletedWebhookData: dataSchema('A file was deleted; references to it were cleared.', {
    id: str('Media id.'),
    clearedFrom: {
      type: 'array',
      description: 'Content that referenced the file and no longer does.',
      items: {
        type: 'object',
        properties: { type: str('`post` or `project`.'), id: str('Id of the item.'), field: str('Field that held the reference.') },
        required: ['type', 'id', 'field'],
      },
    },
  }, ['id', 'clearedFrom']),
  SiteChangedWebhookData: dataSchema('Something the public site shows changed; rebuild it. Bursts are coalesced into one delivery.', {
    cause: str('What caused it: an event type (`post.published`, …), `<type>.changed` for tags, skills and imports, or `manual` for a rebuild asked in the admin.'),
  }, ['cause']),
};

interface EventDoc {
  data: keyof typeof WEBHOOK_DATA_SCHEMAS;
  summary: string;
  example: Record<string, unknown>;
}

const EX_ID = '0197a3c2-7d1e-7b40-9a51-3f2c8e6d1a01';
const EX_AGG = '0197a3c1-0f00-7c3a-8e2b-5d4a3b2c1d0e';
const EX_AT = '2025-06-01T12:00:00.000Z';
const slugExample = (aggregateType: string, s = 'hello-world') => ({ aggregateType, slug: s });

const EVENTS: Record<ContentEvent, EventDoc> = {
  'post.published': { data: 'PostPublishedWebhookData', summary: 'A post was published (now or by its schedule)', example: { aggregateType: 'post', slug: 'hello-world', title: 'Hello, world', publishedAt: EX_AT } },
  'post.updated': { data: 'PostUpdatedWebhookData', summary: 'A published post changed', example: { aggregateType: 'post', slug: 'hello-world-2', previousSlug: 'hello-world' } },
  'post.unpublished': { data: 'PostUnpublishedWebhookData', summary: 'A published post went back to draft or was archived', example: { aggregateType: 'post', slug: 'hello-world', status: 'draft' } },
  'post.deleted': { data: 'SlugWebhookData', summary: 'A published post was deleted', example: slugExample('post') },
  'project.published': { data: 'SlugWebhookData', summary: 'A project was published', example: slugExample('project', 'omervision') },
  'project.updated': { data: 'SlugWebhookData', summary: 'A published project changed', example: slugExample('project', 'omervision') },
  'project.unpublished': { data: 'SlugWebhookData', summary: 'A published project was unpublished', example: slugExample('project', 'omervision') },
  'project.deleted': { data: 'SlugWebhookData', summary: 'A published project was deleted', example: slugExample('project', 'omervision') },
  'page.published': { data: 'SlugWebhookData', summary: 'A page was published', example: slugExample('page', 'about') },
  'page.updated': { data: 'SlugWebhookData', summary: 'A published page changed', example: slugExample('page', 'about') },
  'page.unpublished': { data: 'SlugWebhookData', summary: 'A published page was unpublished', example: slugExample('page', 'about') },
  'page.deleted': { data: 'SlugWebhookData', summary: 'A published page was deleted', example: slugExample('page', 'about') },
  'settings.updated': { data: 'SettingsUpdatedWebhookData', summary: 'Site settings changed', example: { aggregateType: 'settings', aggregateId: 'site', keys: ['siteTitle', 'tagline'] } },
  'media.created': { data: 'MediaCreatedWebhookData', summary: 'A file was uploaded', example: { aggregateType: 'media', id: EX_AGG, filename: 'cover.png', mimeType: 'image/png' } },
  'media.updated': { data: 'MediaUpdatedWebhookData', summary: 'Media metadata or variants changed', example: { aggregateType: 'media', id: EX_AGG, fields: ['variants', 'status'], status: 'ready' } },
  'media.deleted': { data: 'MediaDeletedWebhookData', summary: 'A file was deleted', example: { aggregateType: 'media', id: EX_AGG, clearedFrom: [{ type: 'post', id: '0197a3c0-1111-7aaa-8bbb-cccccccccccc', field: 'coverImageId' }] } },
  'site.changed': { data: 'SiteChangedWebhookData', summary: 'The public site needs a rebuild', example: { aggregateType: 'post', cause: 'post.published' } },
};

/** `post.published` → `PostPublishedWebhook`. */
export function envelopeName(event: string): string {
  return event.split(/[._-]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') + 'Webhook';
}

function envelopeSchema(event: ContentEvent, doc: EventDoc): Schema {
  return {
    type: 'object',
    description: `Body of a \`${event}\` delivery: ${doc.summary.charAt(0).toLowerCase()}${doc.summary.slice(1)}.`,
    properties: {
      type: { type: 'string', enum: [event], description: 'The event type.' },
      timestamp: str('When the event was recorded.', { format: 'date-time' }),
      data: ref(doc.data),
    },
    required: ['type', 'timestamp', 'data'],
  };
}

function example(event: ContentEvent, doc: EventDoc) {
  return {
    type: event,
    timestamp: EX_AT,
    data: { eventId: EX_ID, aggregateId: EX_AGG, ...doc.example, at: EX_AT },
  };
}

export const WEBHOOK_HEADER_PARAMETERS: Record<string, Schema> = {
  WebhookId: {
    name: 'webhook-id', in: 'header', required: true,
    description: 'Id of this delivery; the same on every retry of it. Receivers deduplicate on it.',
    schema: { type: 'string' }, example: '0197a3c2-8000-7d00-9e00-0123456789ab',
  },
  WebhookTimestamp: {
    name: 'webhook-timestamp', in: 'header', required: true,
    description: 'Unix time (seconds) of this try. Reject messages more than 5 minutes away from your clock (replay protection).',
    schema: { type: 'string', pattern: '^[0-9]+$' }, example: '1748779200',
  },
  WebhookSignature: {
    name: 'webhook-signature', in: 'header', required: true,
    description: 'Standard Webhooks signature: space-separated `v1,<base64 HMAC-SHA256>` values over `<webhook-id>.<webhook-timestamp>.<raw body>`, keyed with the base64-decoded part of the subscription secret (`whsec_…`). Verify against the raw body, before parsing it.',
    schema: { type: 'string' }, example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
};

const RESPONSES = {
  '2XX': { description: 'Received. Any 2xx ends the delivery; answer within 10 seconds and do the work afterwards.' },
  '410': { description: 'Gone: the receiver retired this endpoint. The subscription is disabled and no more tries are made.' },
  default: { description: 'Anything else (or no answer within 10 seconds) is retried: 8 tries over about 17.5 hours, with jitter, then the delivery is dead and can be replayed from the admin.' },
};

export const WEBHOOKS_TAG = {
  name: 'Webhooks',
  description: 'Signed HTTP POSTs we send to your subscription URL when content changes ([Standard Webhooks](https://www.standardwebhooks.com)). Subscribe in the admin or with `POST /api/v1/admin/webhooks`.',
};

/** The `x-webhooks` object: one path item per event, in `CONTENT_EVENTS` order. */
export function webhooksSection(): Record<string, Schema> {
  const section: Record<string, Schema> = {};
  for (const event of CONTENT_EVENTS) {
    const doc = EVENTS[event];
    section[event] = {
      post: {
        operationId: `webhook${envelopeName(event).replace(/Webhook$/, '')}`,
        summary: doc.summary,
        description: `Sent to every active subscription that lists \`${event}\`. The body is ${'`'}${envelopeName(event)}${'`'}; verify the signature before trusting it.`,
        tags: [WEBHOOKS_TAG.name],
        // We call you: no API credentials; the signature headers below authenticate the message.
        security: [],
        parameters: Object.keys(WEBHOOK_HEADER_PARAMETERS).map((name) => ({ $ref: `#/components/parameters/${name}` })),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref(envelopeName(event)), example: example(event, doc) } },
        },
        responses: RESPONSES,
      },
    };
  }
  return section;
}

/** Payload schemas for `components.schemas`: the shared `data` shapes, then one envelope per event. */
export function webhookSchemas(): Record<string, Schema> {
  const schemas: Record<string, Schema> = { ...WEBHOOK_DATA_SCHEMAS };
  for (const event of CONTENT_EVENTS) schemas[envelopeName(event)] = envelopeSchema(event, EVENTS[event]);
  return schemas;
}

interface OpenApiDoc {
  components?: { schemas?: Record<string, unknown>; parameters?: Record<string, unknown> };
  tags?: { name: string }[];
  [key: string]: unknown;
}

/**
 * Adds the webhooks to a generated document. Idempotent, and the output depends only on the input
 * (fixed key order, appended after what tsoa wrote), so `make openapi-check` stays stable.
 */
export function mergeWebhooks<T extends OpenApiDoc>(doc: T): T & { tags: { name: string }[]; 'x-webhooks': Record<string, Schema> } {
  const components = doc.components ?? {};
  const taken = Object.keys(components.schemas ?? {}).filter((name) => name in webhookSchemas() && !(doc['x-webhooks']));
  if (taken.length) throw new Error(`Schema names used by the API and the webhooks alike: ${taken.join(', ')}; rename one.`);
  const tags = (doc.tags ?? []).filter((t) => t.name !== WEBHOOKS_TAG.name);
  return {
    ...doc,
    components: {
      ...components,
      parameters: { ...components.parameters, ...WEBHOOK_HEADER_PARAMETERS },
      schemas: { ...components.schemas, ...webhookSchemas() },
    },
    tags: [...tags, WEBHOOKS_TAG],
    'x-webhooks': webhooksSection(),
  };
}

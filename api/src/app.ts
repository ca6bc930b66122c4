import { readFileSync } from 'node:fs';
import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import type { Env } from './config/env.js';
import { RegisterRoutes } from './generated/routes.js';
import type { ApiComposition } from './composition/api.js';
import { registerControllers } from './ioc.js';
import { configureAuthentication } from './middleware/authentication.js';
import { rateLimit } from './middleware/rate-limit.js';
import { keepRawBody } from './middleware/raw-body.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler.js';
import { checkJsonBody } from './middleware/json-limits.js';
import { deprecationHeaders } from './middleware/deprecation.js';
import { cachedAnswers, freshOnNoCache } from './middleware/cached-answers.js';
import { requestContext } from './middleware/request-context.js';
import { securityHeaders } from './middleware/security-headers.js';
import { uploadParser } from './middleware/upload.js';
import type { HttpMetrics } from './repositories/metrics.repository.js';

export interface AppDeps {
  env: Pick<
    Env,
    | 'BODY_LIMIT'
    | 'CORS_ORIGINS'
    | 'TRUST_PROXY'
    | 'SLOW_REQUEST_MS'
    | 'PUBLIC_API_URL'
    | 'SITE_URL'
    | 'MEDIA_MAX_BYTES'
  >;
  logger: Logger;
  metrics: HttpMetrics;
  composition: ApiComposition;
}

export const OPENAPI_PATH = new URL('../../openapi/openapi.json', import.meta.url);

export function createApp({ env, logger, metrics, composition }: AppDeps): Express {
  const app = express();
  registerControllers(app, composition.controllers);
  configureAuthentication(app, {
    authenticator: composition.authenticator,
    trustedOrigins: new Set([...env.CORS_ORIGINS, new URL(env.PUBLIC_API_URL).origin, new URL(env.SITE_URL).origin]),
    cookies: composition.cookies,
  });
  const spec = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8')) as Record<string, unknown>;
  const allowed = new Set(env.CORS_ORIGINS);

  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy(env.TRUST_PROXY));
  app.set('etag', 'strong');

  // Helmet's CSP (script-src 'self' with no inline script, object-src 'none', base-uri 'self') fits
  // the API's only pages, /docs (swagger-ui runs from files); nothing needs to frame the API.
  // Computed once and sent with each response head in one piece; first, so the request id goes the same way.
  app.use(
    securityHeaders({
      crossOriginResourcePolicy: { policy: 'same-site' },
      contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } },
    }),
  );
  app.use(requestContext(logger, metrics, env.SLOW_REQUEST_MS));
  app.use(
    cors({
      // Unlisted origins get no CORS headers at all, so credentials never leak to them.
      origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
      credentials: true,
      exposedHeaders: [
        'X-Request-Id',
        'ETag',
        'Retry-After',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
        'Deprecation',
        'Sunset',
      ],
      maxAge: 600,
    }),
  );
  // Deprecation/Sunset on the answers of operations the contract marks deprecated (docs/api.md#versioning).
  app.use(deprecationHeaders(spec));
  // The limit reads no body: a client over it is refused before its body is parsed.
  if (composition.rateLimits) app.use('/api/v1', rateLimit(composition.rateLimits));
  // A URL a public route answered from the cache is answered again from there, before the routes.
  app.use(freshOnNoCache());
  app.use(cachedAnswers(app, composition.readCache));
  app.use(
    express.json({ limit: env.BODY_LIMIT, type: ['application/json', 'application/*+json'], verify: keepRawBody }),
  );
  app.use(checkJsonBody());
  app.use(cookieParser());

  app.get('/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(spec);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(spec, { customSiteTitle: 'OmerVision API' }));

  RegisterRoutes(app, { multer: uploadParser(env.MEDIA_MAX_BYTES) });

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}

/** `TRUST_PROXY` is a hop count, `true`/`false`, or a comma list of addresses/names express knows. */
function trustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((s) => s.trim());
}

import type { RequestHandler } from 'express';
import { Errors } from '../errors/catalogue.js';
import type { Bucket } from '../repositories/rate-limit.repository.js';
import { addressKey } from '../services/auth/address-key.js';
import { rateHeaders } from '../services/auth/authenticator.js';
import { AppError } from '../errors/app-error.js';
import { authenticationOf, clientInfo, hasApiKey } from './authentication.js';
import { sendProblem } from './problem.js';
import { addHeader } from './response-headers.js';

export interface RateLimitPresets {
  read: Bucket;
  write: Bucket;
  contact: Bucket;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Every spelling Express routes to POST /api/v1/contact (routing ignores case and a trailing slash). */
const CONTACT_PATH = /^\/contact\/?$/i;

/**
 * Per-IP limits on /api/v1 (the client IP as Express resolves it with TRUST_PROXY, IPv6 by its /64;
 * nothing from the body): API_READ for safe methods, API_WRITE for the rest, CONTACT for the contact form. API keys
 * get their own limit on top, in the authenticator.
 */
export function rateLimit(presets: RateLimitPresets): RequestHandler {
  return async (req, res, next) => {
    try {
      const contact = req.method === 'POST' && CONTACT_PATH.test(req.path);
      if (!contact && hasApiKey(req)) {
        // A valid key is limited by its own bucket (consumed here, once) instead of the address's:
        // a site builder or partner behind one IP is not throttled like an anonymous visitor. An
        // invalid key gets no exemption and falls through to the per-IP limit.
        try {
          const { limit } = await authenticationOf(req);
          if (limit) for (const [name, value] of Object.entries(rateHeaders(limit))) res.setHeader(name, value);
          return next();
        } catch (err) {
          if (err instanceof AppError && err.status === 429) return sendProblem(res, err);
        }
      }
      const bucket = contact ? presets.contact : SAFE.has(req.method) ? presets.read : presets.write;
      const state = await bucket.consume(addressKey(clientInfo(req).ip));
      for (const [name, value] of Object.entries(rateHeaders(state))) addHeader(res, name, value);
      if (!state.allowed)
        return sendProblem(res, Errors.rateLimited('Too many requests from this address. Slow down.'));
      next();
    } catch (err) {
      next(err);
    }
  };
}

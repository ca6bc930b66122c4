import { Errors } from '../../errors/catalogue.js';
import type { ApiKeyRepository } from '../../repositories/api-key.repository.js';
import type { Actor } from '../auth/principal.js';

/**
 * Whom a post is written by: the signed-in user, or for an API key the user who created the key
 * (a key without an owner cannot author posts).
 */
export class PostAuthors {
  constructor(private readonly apiKeys: Pick<ApiKeyRepository, 'findById'>) {}

  readonly authorOf = async (actor: Actor): Promise<string> => {
    if (actor.principal.kind === 'user') return actor.principal.userId;
    const key = await this.apiKeys.findById(actor.principal.apiKeyId);
    if (!key?.createdBy) throw Errors.forbidden('This API key has no owner to author posts as.');
    return key.createdBy;
  };
}

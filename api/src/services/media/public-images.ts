import type { MediaRepository } from '../../repositories/media.repository.js';
import type { ImageLookup } from '../content/public-posts.service.js';
import { publicImage, type UrlOf } from './media-views.js';

/** The public view of media rows (URLs of the original and its variants), looked up by id for public answers. */
export function publicImageLookup(media: Pick<MediaRepository, 'findByIds'>, urlOf: UrlOf): ImageLookup {
  return async (ids) => new Map((await media.findByIds(ids)).map((row) => [row.id, publicImage(row, urlOf)]));
}

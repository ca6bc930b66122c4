import type { MediaRepository } from '../../repositories/media.repository.js';
import type { PublicImage } from '../../dtos/content.dto.js';
import type { ImageLookup } from '../content/public-posts.service.js';
import { bodyMediaShas } from '../content/post-views.js';
import { publicImage, type UrlOf } from './media-views.js';

/** The public view of media rows (URLs of the original and its variants), looked up by id for public answers. */
export function publicImageLookup(media: Pick<MediaRepository, 'findByIds'>, urlOf: UrlOf): ImageLookup {
  return async (ids) => new Map((await media.findByIds(ids)).map((row) => [row.id, publicImage(row, urlOf)]));
}

/** The library images a rendered body shows (found by the content hash in their URLs), in order. */
export type BodyImageLookup = (html: string) => Promise<PublicImage[]>;

export function bodyImageLookup(
  media: { mediaIdsBySha(shas: string[]): Promise<string[]> },
  images: ImageLookup,
): BodyImageLookup {
  return async (html) => {
    const ids = await media.mediaIdsBySha(bodyMediaShas(html));
    if (ids.length === 0) return [];
    const found = await images(ids);
    return ids.map((id) => found.get(id)).filter((i): i is PublicImage => Boolean(i));
  };
}

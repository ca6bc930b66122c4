import type { Request as ExRequest } from 'express';
import {
  Body, Controller, Delete, FormField, Get, Patch, Path, Post, Query, Request, Response, Route, Security, SuccessResponse, Tags, UploadedFile,
} from '@tsoa/runtime';
import type { MediaPage, MediaView, UpdateMediaRequest } from '../dtos/media.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { MediaService } from '../services/media/media.service.js';

@Route('api/v1/admin/media')
@Tags('Admin: media')
export class MediaController extends Controller {
  constructor(private readonly media: MediaService) {
    super();
  }

  /**
   * Uploads an image (multipart field `file`, at most `MEDIA_MAX_BYTES`, 10 MB by default). The
   * type is decided from the bytes: JPEG, PNG, WebP, AVIF or GIF; anything else (SVG included) is
   * 415. Metadata (EXIF, GPS) is stripped and the orientation applied; responsive WebP/AVIF
   * variants follow from a job (`status` turns `ready`). Uploading bytes already in the library
   * returns that item with 200.
   * @param alt text alternative, at most 500 characters
   */
  @Post()
  @Security('bearer', ['media:write'])
  @Security('cookie', ['media:write'])
  @SuccessResponse(201, 'Created')
  @Response<MediaView>(200, 'These bytes were already in the library')
  @Response(413, 'File larger than the upload limit')
  @Response(415, 'Not a JPEG, PNG, WebP, AVIF or GIF image')
  @Response(503, 'The media store is unavailable; nothing was saved')
  public async upload(@UploadedFile('file') file: Express.Multer.File, @Request() req: ExRequest, @FormField() alt?: string): Promise<MediaView> {
    const { media, created } = await this.media.upload(actorOf(req), file, alt);
    this.setStatus(created ? 201 : 200);
    return media;
  }

  /**
   * Newest first.
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @param q case-insensitive text in the file name or alt text
   */
  @Get()
  @Security('bearer', ['media:read'])
  @Security('cookie', ['media:read'])
  public list(@Query() limit = 50, @Query() cursor?: string, @Query() q?: string): Promise<MediaPage> {
    return this.media.list({ limit, cursor, q });
  }

  @Get('{mediaId}')
  @Security('bearer', ['media:read'])
  @Security('cookie', ['media:read'])
  public get(@Path() mediaId: string): Promise<MediaView> {
    return this.media.get(mediaId);
  }

  /** Alt text and focal point. */
  @Patch('{mediaId}')
  @Security('bearer', ['media:write'])
  @Security('cookie', ['media:write'])
  public update(@Path() mediaId: string, @Body() body: UpdateMediaRequest, @Request() req: ExRequest): Promise<MediaView> {
    return this.media.update(actorOf(req), mediaId, body);
  }

  /**
   * Deletes the media and its stored files. While anything uses it the answer is 409 MEDIA_IN_USE,
   * each place one of `errors` (`value`: type, id, title, slug, field, clearable). `force=true`
   * removes it from reference fields (post cover or OG image, project gallery) in the same
   * transaction; an image shown inside a text (post, page or project body, a post's pending
   * changes) or the settings is never cut out: while one exists the answer stays 409.
   */
  @Delete('{mediaId}')
  @Security('bearer', ['media:write'])
  @Security('cookie', ['media:write'])
  @SuccessResponse(204)
  @Response(409, 'In use (MEDIA_IN_USE); `errors` lists where')
  public async remove(@Path() mediaId: string, @Request() req: ExRequest, @Query() force?: boolean): Promise<void> {
    await this.media.delete(actorOf(req), mediaId, force ?? false);
    this.setStatus(204);
  }
}

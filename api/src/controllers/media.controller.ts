import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  FormField,
  Get,
  Patch,
  Path,
  Post,
  Query,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
  UploadedFile,
} from '@tsoa/runtime';
import type { MediaPage, MediaView, UpdateMediaRequest } from '../dtos/media.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { MediaService } from '../services/media/media.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  CONFLICT,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';
import { created as createdAt } from './created.js';

@Route('api/v1/admin/media')
@Tags('Admin: media')
@Response<Problem>(
  401,
  'No valid credentials: sign in, or send an access token or API key (codes UNAUTHORIZED, INVALID_TOKEN)',
  UNAUTHORIZED,
)
@Response<Problem>(
  403,
  'The credentials lack a scope this needs, or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
  FORBIDDEN,
)
@Response<Problem, { 'Retry-After': string }>(
  429,
  'Over the rate limit of the address or API key (code RATE_LIMITED); retry after Retry-After seconds',
  RATE_LIMITED,
)
@Response<Problem, { 'Retry-After': string }>(
  503,
  'A backing service (database, Redis, media store) is unavailable (code DEPENDENCY_UNAVAILABLE); retry after Retry-After seconds',
  DEPENDENCY_UNAVAILABLE,
)
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
   * @summary Upload an image
   * @param alt text alternative, at most 500 characters
   */
  @Post()
  @Security('bearer', ['media:write'])
  @SuccessResponse<{ Location: string }>(201, 'Created')
  @Response<MediaView>(200, 'These bytes were already in the library')
  @Response<Problem>(413, 'File larger than the upload limit', PAYLOAD_TOO_LARGE)
  @Response<Problem>(415, 'Not a JPEG, PNG, WebP, AVIF or GIF image', UNSUPPORTED_MEDIA_TYPE)
  @Response<Problem>(503, 'The media store is unavailable; nothing was saved', DEPENDENCY_UNAVAILABLE)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async upload(
    @UploadedFile('file') file: Express.Multer.File,
    @Request() req: ExRequest,
    @FormField() alt?: string,
  ): Promise<MediaView> {
    const { media, created } = await this.media.upload(actorOf(req), file, alt);
    if (!created) {
      // The declared success status is 201: an upload of bytes already in the library says 200 itself.
      this.setStatus(200);
      return media;
    }
    return createdAt(this, '/api/v1/admin/media', media);
  }

  /**
   * Newest first.
   * @summary List media
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   * @param q case-insensitive text in the file name or alt text
   */
  @Get()
  @Security('bearer', ['media:read'])
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public list(@Query() limit = 50, @Query() cursor?: string, @Query() q?: string): Promise<MediaPage> {
    return this.media.list({ limit, cursor, q });
  }

  /**
   * One media item with its variants and where it is used.
   * @summary Get a media item
   */
  @Get('{mediaId}')
  @Security('bearer', ['media:read'])
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public get(@Path() mediaId: string): Promise<MediaView> {
    return this.media.get(mediaId);
  }

  /**
   * Alt text and focal point.
   * @summary Update a media item
   */
  @Patch('{mediaId}')
  @Security('bearer', ['media:write'])
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public update(
    @Path() mediaId: string,
    @Body() body: UpdateMediaRequest,
    @Request() req: ExRequest,
  ): Promise<MediaView> {
    return this.media.update(actorOf(req), mediaId, body);
  }

  /**
   * Deletes the media and its stored files. While anything uses it the answer is 409 MEDIA_IN_USE,
   * each place one of `errors` (`value`: type, id, title, slug, field, clearable). `force=true`
   * removes it from reference fields (post cover or OG image, project gallery) in the same
   * transaction; an image shown inside a text (post, page or project body, a post's pending
   * changes) or the settings is never cut out: while one exists the answer stays 409.
   * @summary Delete a media item
   */
  @Delete('{mediaId}')
  @Security('bearer', ['media:write'])
  @SuccessResponse(204)
  @Response<Problem>(409, 'In use (MEDIA_IN_USE); `errors` lists where', CONFLICT)
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async remove(@Path() mediaId: string, @Request() req: ExRequest, @Query() force?: boolean): Promise<void> {
    await this.media.delete(actorOf(req), mediaId, force ?? false);
    this.setStatus(204);
  }
}

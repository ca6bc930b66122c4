import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, Post, Request, Response, Route, Security, Tags, UploadedFile } from '@tsoa/runtime';
import type { ContentExport, ImportReport } from '../dtos/content-transfer.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ContentExportService } from '../services/ops/content-export.service.js';
import type { ContentImportService } from '../services/ops/content-import.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';

/**
 * Content export and import. `settings:write` (editors and admins): everything an export reads
 * they can read, and everything an import writes they can write through the other routes;
 * authors and viewers cannot, since an import writes any post whoever wrote it.
 */
@Route('api/v1/admin')
@Tags('Admin: export and import')
@Security('bearer', ['settings:write'])
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
export class ContentTransferController extends Controller {
  constructor(
    private readonly exporter: ContentExportService,
    private readonly importer: ContentImportService,
  ) {
    super();
  }

  /**
   * Posts (current content, tags, author e-mail), projects, pages, skills, tags and settings as
   * one JSON document, with the media they use as references (id, sha256, URL). Users, keys,
   * secrets and logs are not in it: a backup holds those.
   * @summary Export content
   */
  @Get('export')
  public exportContent(@Request() req: ExRequest): Promise<ContentExport> {
    return this.exporter.export(actorOf(req));
  }

  /**
   * Imports an export (from this site or another). Items are matched by slug (skills by category
   * and name, settings by key): new ones are created, different ones updated when the file's copy
   * is newer, the rest skipped, so importing the same file twice changes nothing the second time.
   * Media are matched by sha256 and must be in the library already. The body is limited by BODY_LIMIT.
   * @summary Import content
   */
  @Post('import')
  @Response<ValidationProblem>(422, 'Not a content export, or an invalid item', VALIDATION_FAILED)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  public importContent(@Body() body: ContentExport, @Request() req: ExRequest): Promise<ImportReport> {
    return this.importer.import(actorOf(req), body);
  }

  /**
   * Imports a Ghost JSON export (multipart field `file`, at most MEDIA_MAX_BYTES): posts, pages and
   * tags. Ghost's Lexical is kept when this site can render it, else the HTML is converted;
   * members-only posts become drafts. `notes` lists everything that was not mapped.
   * @summary Import a Ghost export
   */
  @Post('import/ghost')
  @Response<Problem>(415, 'Not a multipart upload', UNSUPPORTED_MEDIA_TYPE)
  @Response<ValidationProblem>(422, 'Not a Ghost export', VALIDATION_FAILED)
  @Response<Problem>(413, 'The file is larger than the upload limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  public importGhost(
    @UploadedFile('file') file: Express.Multer.File,
    @Request() req: ExRequest,
  ): Promise<ImportReport> {
    return this.importer.importGhost(actorOf(req), file);
  }
}

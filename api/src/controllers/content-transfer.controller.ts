import type { Request as ExRequest } from 'express';
import { Body, Controller, Get, Post, Request, Response, Route, Security, Tags, UploadedFile } from '@tsoa/runtime';
import type { ContentExport, ImportReport } from '../dtos/content-transfer.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { ContentExportService } from '../services/ops/content-export.service.js';
import type { ContentImportService } from '../services/ops/content-import.service.js';

/**
 * Content export and import. `settings:write` (editors and admins): everything an export reads
 * they can read, and everything an import writes they can write through the other routes;
 * authors and viewers cannot, since an import writes any post whoever wrote it.
 */
@Route('api/v1/admin')
@Tags('Admin: export and import')
@Security('bearer', ['settings:write'])
@Security('cookie', ['settings:write'])
export class ContentTransferController extends Controller {
  constructor(private readonly exporter: ContentExportService, private readonly importer: ContentImportService) {
    super();
  }

  /**
   * Posts (current content, tags, author e-mail), projects, pages, skills, tags and settings as
   * one JSON document, with the media they use as references (id, sha256, URL). Users, keys,
   * secrets and logs are not in it: a backup holds those.
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
   */
  @Post('import')
  @Response(422, 'Not a content export, or an invalid item')
  public importContent(@Body() body: ContentExport, @Request() req: ExRequest): Promise<ImportReport> {
    return this.importer.import(actorOf(req), body);
  }

  /**
   * Imports a Ghost JSON export (multipart field `file`, at most MEDIA_MAX_BYTES): posts, pages and
   * tags. Ghost's Lexical is kept when this site can render it, else the HTML is converted;
   * members-only posts become drafts. `notes` lists everything that was not mapped.
   */
  @Post('import/ghost')
  @Response(415, 'Not a multipart upload')
  @Response(422, 'Not a Ghost export')
  public importGhost(@UploadedFile('file') file: Express.Multer.File, @Request() req: ExRequest): Promise<ImportReport> {
    return this.importer.importGhost(actorOf(req), file);
  }
}

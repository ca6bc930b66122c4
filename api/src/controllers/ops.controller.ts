import type { Request as ExRequest } from 'express';
import { Controller, Get, Post, Request, Response, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { BackupRequested, BackupView, MaintenanceRunView } from '../dtos/ops.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { BackupService } from '../services/ops/backup.service.js';
import type { MaintenanceService } from '../services/ops/maintenance.service.js';
import type { Problem } from '../dtos/problem.dto.js';
import { DEPENDENCY_UNAVAILABLE, FORBIDDEN, RATE_LIMITED, UNAUTHORIZED } from './problem-examples.js';

@Route('api/v1/admin')
@Tags('Admin: operations')
@Security('bearer', ['ops:manage'])
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
export class OpsController extends Controller {
  constructor(
    private readonly backups: BackupService,
    private readonly maintenance: MaintenanceService,
  ) {
    super();
  }

  /**
   * Backup archives on the configured target (BACKUP_DIR or BACKUP_S3_BUCKET), newest first.
   * @summary List backups
   */
  @Get('backups')
  public listBackups(): Promise<BackupView[]> {
    return this.backups.list();
  }

  /**
   * Queues a backup (database snapshot, every media object, manifest) on the worker. Its outcome
   * shows in `GET /api/v1/admin/maintenance` (job `backup`) and the archive in `GET …/backups`.
   * @summary Start a backup
   */
  @Post('backups')
  @SuccessResponse(202, 'Queued')
  public async requestBackup(@Request() req: ExRequest): Promise<BackupRequested> {
    this.setStatus(202);
    return this.backups.request(actorOf(req));
  }

  /**
   * The last run of every periodic job: when, how long, the outcome and what it did.
   * @summary List maintenance job runs
   */
  @Get('maintenance')
  public maintenanceRuns(): Promise<MaintenanceRunView[]> {
    return this.maintenance.list();
  }
}

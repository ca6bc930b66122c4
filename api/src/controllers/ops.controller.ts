import type { Request as ExRequest } from 'express';
import { Controller, Get, Post, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { BackupRequested, BackupView, MaintenanceRunView } from '../dtos/ops.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { BackupService } from '../services/ops/backup.service.js';
import type { MaintenanceService } from '../services/ops/maintenance.service.js';

@Route('api/v1/admin')
@Tags('Admin: operations')
@Security('bearer', ['ops:manage'])
@Security('cookie', ['ops:manage'])
export class OpsController extends Controller {
  constructor(private readonly backups: BackupService, private readonly maintenance: MaintenanceService) {
    super();
  }

  /** Backup archives on the configured target (BACKUP_DIR or BACKUP_S3_BUCKET), newest first. */
  @Get('backups')
  public listBackups(): Promise<BackupView[]> {
    return this.backups.list();
  }

  /**
   * Queues a backup (database snapshot, every media object, manifest) on the worker. Its outcome
   * shows in `GET /api/v1/admin/maintenance` (job `backup`) and the archive in `GET …/backups`.
   */
  @Post('backups')
  @SuccessResponse(202, 'Queued')
  public async requestBackup(@Request() req: ExRequest): Promise<BackupRequested> {
    this.setStatus(202);
    return this.backups.request(actorOf(req));
  }

  /** The last run of every periodic job: when, how long, the outcome and what it did. */
  @Get('maintenance')
  public maintenanceRuns(): Promise<MaintenanceRunView[]> {
    return this.maintenance.list();
  }
}

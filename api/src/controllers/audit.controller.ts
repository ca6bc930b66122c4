import { Controller, Get, Query, Route, Security, Tags } from '@tsoa/runtime';
import type { AuditPage } from '../dtos/audit.dto.js';
import type { AuditService } from '../services/audit.service.js';

@Route('api/v1/admin/audit')
@Tags('Admin: audit log')
@Security('bearer', ['audit:read'])
@Security('cookie', ['audit:read'])
export class AuditController extends Controller {
  constructor(private readonly audit: AuditService) {
    super();
  }

  /**
   * Newest first.
   * @param limit page size, 1–200
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 200
   * @param cursor `nextCursor` of the previous page
   */
  @Get()
  public list(@Query() limit = 50, @Query() cursor?: string, @Query() actorUserId?: string, @Query() targetType?: string): Promise<AuditPage> {
    return this.audit.list({ limit, cursor, actorUserId, targetType });
  }
}

import { apiClient, must, type Schemas } from '../../src/lib/api-client.ts';

export type BuildUpdate = Schemas['UpdateSiteBuildRequest'];

/**
 * The builder's side of `/api/v1/admin/site/builds`: a record per build, so the admin sees trigger,
 * status, duration, pages built/skipped and the log. Recording is best effort: a build never fails
 * because the API could not store its record (the failure goes to the builder's own log).
 */
export class BuildRecords {
  constructor(
    private readonly apiUrl: string,
    private readonly key: () => string | undefined,
    private readonly log: (m: string) => void,
  ) {}

  private client() {
    const apiKey = this.key();
    return apiKey ? apiClient({ baseUrl: this.apiUrl, apiKey, attempts: 3, timeoutMs: 10_000 }) : null;
  }

  async open(trigger: string): Promise<string | null> {
    const api = this.client();
    if (!api) {
      this.log(
        'no builder API key (SITE_BUILDER_KEY or DATA_DIR/secrets/site-builder-key; make seed creates it): the build is not recorded',
      );
      return null;
    }
    try {
      const body = {
        trigger:
          trigger
            .slice(0, 32)
            .toLowerCase()
            .replace(/[^a-z0-9._:-]/g, '-')
            .replace(/^[^a-z0-9]+/, '') || 'webhook',
        status: 'building' as const,
      };
      return must('POST /api/v1/admin/site/builds', await api.POST('/api/v1/admin/site/builds', { body })).id;
    } catch (err) {
      this.log(`could not open a build record: ${(err as Error).message}`);
      return null;
    }
  }

  async update(buildId: string | null, patch: BuildUpdate): Promise<void> {
    const api = this.client();
    if (!api || !buildId) return;
    try {
      must(
        `PATCH /api/v1/admin/site/builds/${buildId}`,
        await api.PATCH('/api/v1/admin/site/builds/{buildId}', { params: { path: { buildId } }, body: patch }),
      );
    } catch (err) {
      this.log(`could not update build record ${buildId}: ${(err as Error).message}`);
    }
  }
}

import type { SiteSettings, SiteSettingsPatch } from '../../dtos/catalog.dto.js';
import type { TransactionRunner } from '../../repositories/database.js';
import type { SettingsRepository } from '../../repositories/settings.repository.js';
import { changes, type AuditService } from '../audit.service.js';
import { actorUserId, type Actor } from '../auth/principal.js';
import type { ContentChanges } from './content-changes.js';
import { CACHE_NS } from './events.js';

export const DEFAULT_SETTINGS: SiteSettings = {
  site: { title: 'OmerVision', description: '', locale: 'tr-TR' },
  author: { name: '', email: '', bio: '' },
  social: [],
  navigation: [],
};

/** The site settings: one document of groups (site, author, social, navigation) the whole site depends on. */
export class SettingsService {
  constructor(
    private readonly repo: SettingsRepository,
    private readonly tx: TransactionRunner,
    private readonly changes: ContentChanges,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<SiteSettings> {
    return { ...DEFAULT_SETTINGS, ...(await this.repo.all()) } as SiteSettings;
  }

  async update(actor: Actor, patch: SiteSettingsPatch): Promise<SiteSettings> {
    const before = await this.get();
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    await this.tx.run(async (tx) => {
      await this.repo.put(values, actorUserId(actor), tx);
      await this.changes.emit(tx, 'settings.updated', { type: 'settings', id: 'site' }, { keys: Object.keys(values) });
    });
    await this.changes.invalidate(CACHE_NS.settings);
    await this.audit.record(
      actor,
      'settings.update',
      { type: 'settings', id: 'site' },
      changes(before as unknown as Record<string, unknown>, values),
    );
    return this.get();
  }
}

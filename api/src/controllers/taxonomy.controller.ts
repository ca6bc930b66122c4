import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Patch, Path, Post, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { SiteSettings, SiteSettingsPatch, SkillInput, SkillPatch, SkillView, TagInput, TagPatch, TagWithCount } from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { TaxonomyService } from '../services/content/taxonomy.service.js';

@Route('api/v1/admin')
@Tags('Admin: skills, tags, settings')
export class TaxonomyController extends Controller {
  constructor(private readonly taxonomy: TaxonomyService) {
    super();
  }

  @Get('skills')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public skills(): Promise<SkillView[]> {
    return this.taxonomy.skills();
  }

  @Post('skills')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(201)
  public async createSkill(@Body() body: SkillInput, @Request() req: ExRequest): Promise<SkillView> {
    this.setStatus(201);
    return this.taxonomy.createSkill(actorOf(req), body);
  }

  @Patch('skills/{skillId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public updateSkill(@Path() skillId: string, @Body() body: SkillPatch, @Request() req: ExRequest): Promise<SkillView> {
    return this.taxonomy.updateSkill(actorOf(req), skillId, body);
  }

  @Delete('skills/{skillId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(204)
  public async deleteSkill(@Path() skillId: string, @Request() req: ExRequest): Promise<void> {
    await this.taxonomy.deleteSkill(actorOf(req), skillId);
    this.setStatus(204);
  }

  /** Every tag, with its count of published posts. */
  @Get('tags')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public tags(): Promise<TagWithCount[]> {
    return this.taxonomy.tags();
  }

  @Post('tags')
  @Security('bearer', ['content:write'])
  @Security('cookie', ['content:write'])
  @SuccessResponse(201)
  public async createTag(@Body() body: TagInput, @Request() req: ExRequest): Promise<TagWithCount> {
    this.setStatus(201);
    return this.taxonomy.createTag(actorOf(req), body);
  }

  @Patch('tags/{tagId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public updateTag(@Path() tagId: string, @Body() body: TagPatch, @Request() req: ExRequest): Promise<TagWithCount> {
    return this.taxonomy.updateTag(actorOf(req), tagId, body);
  }

  @Delete('tags/{tagId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(204)
  public async deleteTag(@Path() tagId: string, @Request() req: ExRequest): Promise<void> {
    await this.taxonomy.deleteTag(actorOf(req), tagId);
    this.setStatus(204);
  }

  @Get('settings')
  @Security('bearer', ['settings:read'])
  @Security('cookie', ['settings:read'])
  public settings(): Promise<SiteSettings> {
    return this.taxonomy.settings();
  }

  /** Replaces the groups given (site, author, social, navigation); the others stay. */
  @Patch('settings')
  @Security('bearer', ['settings:write'])
  @Security('cookie', ['settings:write'])
  public updateSettings(@Body() body: SiteSettingsPatch, @Request() req: ExRequest): Promise<SiteSettings> {
    return this.taxonomy.updateSettings(actorOf(req), body);
  }
}

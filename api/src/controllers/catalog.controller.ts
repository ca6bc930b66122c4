import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Patch, Path, Post, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { PageInput, PagePatch, PageView, ProjectInput, ProjectPatch, ProjectView } from '../dtos/catalog.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { PageService } from '../services/content/page.service.js';
import type { ProjectService } from '../services/content/project.service.js';

@Route('api/v1/admin/projects')
@Tags('Admin: projects')
export class ProjectsController extends Controller {
  constructor(private readonly projects: ProjectService) {
    super();
  }

  @Get()
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public list(): Promise<ProjectView[]> {
    return this.projects.list();
  }

  @Post()
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(201)
  public async create(@Body() body: ProjectInput, @Request() req: ExRequest): Promise<ProjectView> {
    this.setStatus(201);
    return this.projects.create(actorOf(req), body);
  }

  @Get('{projectId}')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public get(@Path() projectId: string): Promise<ProjectView> {
    return this.projects.get(projectId);
  }

  @Patch('{projectId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public update(@Path() projectId: string, @Body() body: ProjectPatch, @Request() req: ExRequest): Promise<ProjectView> {
    return this.projects.update(actorOf(req), projectId, body);
  }

  @Post('{projectId}/publish')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public publish(@Path() projectId: string, @Request() req: ExRequest): Promise<ProjectView> {
    return this.projects.setStatus(actorOf(req), projectId, 'published');
  }

  @Post('{projectId}/unpublish')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public unpublish(@Path() projectId: string, @Request() req: ExRequest): Promise<ProjectView> {
    return this.projects.setStatus(actorOf(req), projectId, 'draft');
  }

  @Delete('{projectId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(204)
  public async remove(@Path() projectId: string, @Request() req: ExRequest): Promise<void> {
    await this.projects.delete(actorOf(req), projectId);
    this.setStatus(204);
  }
}

@Route('api/v1/admin/pages')
@Tags('Admin: pages')
export class PagesController extends Controller {
  constructor(private readonly pages: PageService) {
    super();
  }

  @Get()
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public list(): Promise<PageView[]> {
    return this.pages.list();
  }

  @Post()
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(201)
  public async create(@Body() body: PageInput, @Request() req: ExRequest): Promise<PageView> {
    this.setStatus(201);
    return this.pages.create(actorOf(req), body);
  }

  @Get('{pageId}')
  @Security('bearer', ['content:read'])
  @Security('cookie', ['content:read'])
  public get(@Path() pageId: string): Promise<PageView> {
    return this.pages.get(pageId);
  }

  @Patch('{pageId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public update(@Path() pageId: string, @Body() body: PagePatch, @Request() req: ExRequest): Promise<PageView> {
    return this.pages.update(actorOf(req), pageId, body);
  }

  @Post('{pageId}/publish')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public publish(@Path() pageId: string, @Request() req: ExRequest): Promise<PageView> {
    return this.pages.setStatus(actorOf(req), pageId, 'published');
  }

  @Post('{pageId}/unpublish')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  public unpublish(@Path() pageId: string, @Request() req: ExRequest): Promise<PageView> {
    return this.pages.setStatus(actorOf(req), pageId, 'draft');
  }

  @Delete('{pageId}')
  @Security('bearer', ['content:publish'])
  @Security('cookie', ['content:publish'])
  @SuccessResponse(204)
  public async remove(@Path() pageId: string, @Request() req: ExRequest): Promise<void> {
    await this.pages.delete(actorOf(req), pageId);
    this.setStatus(204);
  }
}

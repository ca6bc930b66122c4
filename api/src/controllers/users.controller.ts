import type { Request as ExRequest } from 'express';
import { Body, Controller, Delete, Get, Patch, Path, Post, Query, Request, Route, Security, SuccessResponse, Tags } from '@tsoa/runtime';
import type { UserView } from '../dtos/auth.dto.js';
import type { CreateUserRequest, UpdateUserRequest, UserPage } from '../dtos/user.dto.js';
import { actorOf } from '../middleware/authentication.js';
import type { Role } from '../services/auth/policy.js';
import type { UserService } from '../services/user.service.js';

@Route('api/v1/admin/users')
@Tags('Admin: users')
@Security('bearer', ['users:manage'])
@Security('cookie', ['users:manage'])
export class UsersController extends Controller {
  constructor(private readonly users: UserService) {
    super();
  }

  /**
   * @param limit page size, 1–100
   * @isInt limit
   * @minimum limit 1
   * @maximum limit 100
   * @param cursor `nextCursor` of the previous page
   */
  @Get()
  public list(@Query() limit = 50, @Query() cursor?: string, @Query() role?: Role): Promise<UserPage> {
    return this.users.list({ limit, cursor, role });
  }

  @Post()
  @SuccessResponse(201)
  public async create(@Body() body: CreateUserRequest, @Request() req: ExRequest): Promise<UserView> {
    this.setStatus(201);
    return this.users.create(actorOf(req), body);
  }

  @Get('{userId}')
  public get(@Path() userId: string): Promise<UserView> {
    return this.users.get(userId);
  }

  /** Change name or role, or disable (which ends the user's sessions at once). */
  @Patch('{userId}')
  public update(@Path() userId: string, @Body() body: UpdateUserRequest, @Request() req: ExRequest): Promise<UserView> {
    return this.users.update(actorOf(req), userId, body);
  }

  @Delete('{userId}')
  @SuccessResponse(204)
  public async remove(@Path() userId: string, @Request() req: ExRequest): Promise<void> {
    await this.users.delete(actorOf(req), userId);
    this.setStatus(204);
  }
}

import type { Request as ExRequest } from 'express';
import {
  Body,
  Controller,
  Delete,
  Get,
  Middlewares,
  Patch,
  Path,
  Post,
  Request,
  Response,
  Route,
  Security,
  SuccessResponse,
  Tags,
} from '@tsoa/runtime';
import type {
  Accepted,
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  PasswordResetConfirm,
  PasswordResetRequest,
  RefreshRequest,
  RefreshResponse,
  SessionsRevoked,
  SessionView,
  TotpActivated,
  TotpCodeRequest,
  TotpDisableRequest,
  TotpEnrollment,
  UserView,
} from '../dtos/auth.dto.js';
import type { UpdateProfileRequest } from '../dtos/user.dto.js';
import { Errors } from '../errors/catalogue.js';
import { actorOf, clientInfo, requireTrustedOrigin } from '../middleware/authentication.js';
import { newCsrfToken, type SessionCookies } from '../middleware/cookies.js';
import type { AuthService, IssuedSession } from '../services/auth/auth.service.js';
import type { PasswordService } from '../services/auth/password.service.js';
import type { TotpService } from '../services/auth/totp.service.js';
import type { UserService } from '../services/user.service.js';
import type { Problem, ValidationProblem } from '../dtos/problem.dto.js';
import {
  BAD_REQUEST,
  CONFLICT,
  DEPENDENCY_UNAVAILABLE,
  FORBIDDEN,
  NOT_FOUND,
  PAYLOAD_TOO_LARGE,
  RATE_LIMITED,
  UNAUTHORIZED,
  UNSUPPORTED_MEDIA_TYPE,
  VALIDATION_FAILED,
} from './problem-examples.js';

@Route('api/v1/auth')
@Tags('Auth')
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
export class AuthController extends Controller {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
    private readonly totp: TotpService,
    private readonly users: UserService,
    private readonly cookies: SessionCookies,
  ) {
    super();
  }

  /**
   * Signs in. Sets HttpOnly `ov_access` (15 min, path /api) and `ov_refresh` (7 days, path
   * /api/v1/auth) cookies and a readable `ov_csrf` cookie (path /); with COOKIE_SECURE (production)
   * they are `__Secure-ov_access`, `__Secure-ov_refresh` and `__Host-ov_csrf`. The body carries the
   * access token for Bearer clients. A browser's Origin must be trusted (403). Five failures per
   * minute per address (IPv6: its /64) and account lock that pair for a growing time; too many
   * failures for one account from anywhere limit it too (429 with Retry-After).
   * @summary Sign in
   */
  @Post('login')
  @Middlewares(requireTrustedOrigin)
  @Response<Problem>(401, 'Wrong e-mail or password, or a two-factor code is needed (code TOTP_REQUIRED)', UNAUTHORIZED)
  @Response<Problem>(403, 'Sent from an untrusted origin (code CSRF_FAILED)', FORBIDDEN)
  @Response<Problem>(429, 'Too many attempts; see Retry-After', RATE_LIMITED)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async login(@Body() body: LoginRequest, @Request() req: ExRequest): Promise<LoginResponse> {
    return this.withCookies(req, await this.auth.login(body, clientInfo(req)));
  }

  /**
   * Rotates the refresh token (cookie, or body for cookieless clients). A reused token revokes the session.
   * @summary Refresh the access token
   */
  @Post('refresh')
  @Middlewares(requireTrustedOrigin)
  @Response<Problem>(401, 'Unknown, expired or reused refresh token', UNAUTHORIZED)
  @Response<Problem>(403, 'Sent from an untrusted origin (code CSRF_FAILED)', FORBIDDEN)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async refresh(@Request() req: ExRequest, @Body() body?: RefreshRequest): Promise<RefreshResponse> {
    const fromBody = body?.refreshToken;
    const token = fromBody ?? this.cookies.read(req, 'refresh');
    if (!token) throw Errors.unauthorized('No refresh token: sign in again.');
    const issued = await this.auth.refresh(token, clientInfo(req));
    const response: RefreshResponse = this.withCookies(req, issued);
    if (fromBody) response.refreshToken = issued.refreshToken;
    return response;
  }

  /**
   * Ends this session: the refresh family is revoked and the access token denied until it expires.
   * A browser's Origin must be trusted (403).
   * @summary Sign out
   */
  @Post('logout')
  @Security('bearer')
  @Middlewares(requireTrustedOrigin)
  @SuccessResponse(204)
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  public async logout(@Request() req: ExRequest): Promise<void> {
    const actor = actorOf(req);
    await this.auth.logout(actor.principal, actor);
    this.setHeader('Set-Cookie', this.cookies.clear(req));
    this.setStatus(204);
  }

  /**
   * The signed-in user (API keys: 403, they have no profile).
   * @summary Get your profile
   */
  @Get('me')
  @Security('bearer')
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  public me(@Request() req: ExRequest): Promise<UserView> {
    const { principal } = actorOf(req);
    if (principal.kind !== 'user') throw Errors.forbidden('API keys have no profile.');
    return this.auth.me(principal.userId);
  }

  /**
   * Edits your own profile. Role and e-mail are not yours to change here (extra fields → 422).
   * @summary Update your profile
   */
  @Patch('me')
  @Security('bearer')
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public updateMe(@Request() req: ExRequest, @Body() body: UpdateProfileRequest): Promise<UserView> {
    return this.users.updateProfile(actorOf(req), body);
  }

  /**
   * Your active sessions (one per sign-in).
   * @summary List your sessions
   */
  @Get('sessions')
  @Security('bearer')
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  public sessions(@Request() req: ExRequest): Promise<SessionView[]> {
    const { principal } = actorOf(req);
    if (principal.kind !== 'user') throw Errors.forbidden('API keys have no sessions.');
    return this.auth.listSessions(principal.userId, principal.sessionFamilyId);
  }

  /**
   * Signs that session out: its refresh token is revoked and its access token denied.
   * @summary End one of your sessions
   */
  @Delete('sessions/{sessionId}')
  @Security('bearer')
  @SuccessResponse(204)
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  @Response<Problem>(404, 'Nothing has this id (code NOT_FOUND)', NOT_FOUND)
  public async revokeSession(@Path() sessionId: string, @Request() req: ExRequest): Promise<void> {
    const actor = actorOf(req);
    await this.auth.revokeSession(actor.principal, sessionId, actor);
    this.setStatus(204);
  }

  /**
   * Signs out every session of yours except this one; answers how many ended.
   * @summary End your other sessions
   */
  @Delete('sessions')
  @Security('bearer')
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  public revokeOtherSessions(@Request() req: ExRequest): Promise<SessionsRevoked> {
    const actor = actorOf(req);
    return this.auth.revokeOtherSessions(actor.principal, actor);
  }

  /**
   * Changes your password and ends every other session.
   * @summary Change your password
   */
  @Post('password')
  @Security('bearer')
  @SuccessResponse(204)
  @Response<Problem>(401, 'The current password is wrong (code INVALID_CREDENTIALS)', UNAUTHORIZED)
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async changePassword(@Body() body: ChangePasswordRequest, @Request() req: ExRequest): Promise<void> {
    await this.passwords.change(actorOf(req), body.currentPassword, body.newPassword);
    this.setStatus(204);
  }

  /**
   * Queues a one-hour, single-use reset link for the address. This answer never depends on whether
   * the account exists: the e-mail job looks it up later and sends nothing when it does not.
   * @summary Request a password reset
   */
  @Post('password/reset-request')
  @SuccessResponse(202)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async requestReset(@Body() body: PasswordResetRequest, @Request() req: ExRequest): Promise<Accepted> {
    await this.passwords.requestReset(body.email, clientInfo(req));
    this.setStatus(202);
    return { status: 'accepted', message: 'If the address belongs to an account, a reset link is on its way.' };
  }

  /**
   * Sets a new password with a reset token; every session of the account ends.
   * @summary Reset a password with a token
   */
  @Post('password/reset')
  @SuccessResponse(204)
  @Response<Problem>(401, 'The token is invalid, used or expired (code INVALID_TOKEN)', UNAUTHORIZED)
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async confirmReset(@Body() body: PasswordResetConfirm, @Request() req: ExRequest): Promise<void> {
    await this.passwords.confirmReset(body.token, body.newPassword, clientInfo(req));
    this.setStatus(204);
  }

  /**
   * Starts two-factor enrolment: scan the URI, then activate with a code.
   * @summary Start two-factor enrolment
   */
  @Post('totp/enroll')
  @Security('bearer')
  @Response<Problem>(409, 'Two-factor is on already (code CONFLICT)', CONFLICT)
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  public totpEnroll(@Request() req: ExRequest): Promise<TotpEnrollment> {
    const actor = actorOf(req);
    return this.totp.enroll(actor, userIdOf(actor.principal));
  }

  /**
   * Turns two-factor on; returns single-use recovery codes, shown once.
   * @summary Turn two-factor on
   */
  @Post('totp/activate')
  @Security('bearer')
  @Response<Problem>(409, 'No enrolment started, or two-factor is on already (code CONFLICT)', CONFLICT)
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public totpActivate(@Body() body: TotpCodeRequest, @Request() req: ExRequest): Promise<TotpActivated> {
    const actor = actorOf(req);
    return this.totp.activate(actor, userIdOf(actor.principal), body.code);
  }

  /**
   * Turns two-factor off after checking your password (a wrong one: 401).
   * @summary Turn two-factor off
   */
  @Post('totp/disable')
  @Security('bearer')
  @SuccessResponse(204)
  @Response<Problem>(
    401,
    'No valid credentials: sign in, or send an access token (codes UNAUTHORIZED, INVALID_TOKEN)',
    UNAUTHORIZED,
  )
  @Response<Problem>(
    403,
    'Not allowed for these credentials (API keys have no profile or sessions), or a cookie write without the CSRF header (codes FORBIDDEN, CSRF_FAILED)',
    FORBIDDEN,
  )
  @Response<Problem>(400, 'The body is not JSON, or nests too deep (codes MALFORMED_JSON, BAD_REQUEST)', BAD_REQUEST)
  @Response<Problem>(413, 'The body is larger than the limit (code PAYLOAD_TOO_LARGE)', PAYLOAD_TOO_LARGE)
  @Response<Problem>(
    415,
    'The body is in an unsupported encoding (code UNSUPPORTED_MEDIA_TYPE)',
    UNSUPPORTED_MEDIA_TYPE,
  )
  @Response<ValidationProblem>(
    422,
    'A parameter or body field is invalid; `errors` names each one (code VALIDATION_FAILED)',
    VALIDATION_FAILED,
  )
  public async totpDisable(@Body() body: TotpDisableRequest, @Request() req: ExRequest): Promise<void> {
    const actor = actorOf(req);
    await this.totp.disable(actor, userIdOf(actor.principal), body.password);
    this.setStatus(204);
  }

  private withCookies(req: ExRequest, issued: IssuedSession): LoginResponse {
    const csrfToken = newCsrfToken();
    this.setHeader('Set-Cookie', this.cookies.issue(req, { ...issued, csrfToken }));
    this.setHeader('Cache-Control', 'no-store');
    return {
      accessToken: issued.accessToken,
      tokenType: 'Bearer',
      expiresIn: issued.expiresIn,
      csrfToken,
      user: issued.user,
    };
  }
}

function userIdOf(principal: { kind: string; userId?: string }): string {
  if (principal.kind !== 'user' || !principal.userId) throw Errors.forbidden('Only signed-in users can do this.');
  return principal.userId;
}

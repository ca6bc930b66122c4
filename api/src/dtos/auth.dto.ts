import type { Role } from '../services/auth/policy.js';

export interface LoginRequest {
  /** Matched case- and space-insensitively. @maxLength 254 */
  email: string;
  /** @minLength 1 @maxLength 256 */
  password: string;
  /** Six-digit TOTP code or a recovery code, when two-factor is enrolled. @maxLength 32 */
  totpCode?: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface LoginResponse {
  /** Also set as the HttpOnly `ov_access` cookie; send as `Authorization: Bearer` from non-browser clients. */
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  /** Echo of the readable `ov_csrf` cookie: send it as `X-CSRF-Token` on cookie-authenticated writes. */
  csrfToken: string;
  user: UserView;
}

export interface RefreshRequest {
  /** Only for clients that cannot keep cookies; browsers send the `ov_refresh` cookie. @maxLength 200 */
  refreshToken?: string;
}

export interface RefreshResponse extends LoginResponse {
  /** Returned in the body only when it was sent in the body. */
  refreshToken?: string;
}

export interface SessionView {
  /** The session (token family) id. */
  id: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
}

export interface SessionsRevoked {
  /** Sessions signed out. */
  revoked: number;
}

export interface ChangePasswordRequest {
  /** @minLength 1 @maxLength 256 */
  currentPassword: string;
  /** At least 12 characters, not a common password. @minLength 12 @maxLength 256 */
  newPassword: string;
}

export interface PasswordResetRequest {
  /**
   * @format email
   * @maxLength 254
   * @pattern ^[^\s@<>()\[\]\\,;:"]+@[^\s@<>()\[\]\\,;:"]+\.[^\s@<>()\[\]\\,;:"]+$
   */
  email: string;
}

export interface PasswordResetConfirm {
  /** @minLength 10 @maxLength 200 */
  token: string;
  /** @minLength 12 @maxLength 256 */
  newPassword: string;
}

export interface TotpEnrollment {
  /** Base32 secret, for manual entry. */
  secret: string;
  /** `otpauth://` URI for authenticator apps (render as a QR code). */
  otpauthUri: string;
}

export interface TotpCodeRequest {
  /** @pattern ^\d{6}$ */
  code: string;
}

export interface TotpActivated {
  /** Single-use recovery codes, shown only now. */
  recoveryCodes: string[];
}

export interface TotpDisableRequest {
  /** @minLength 1 @maxLength 256 */
  password: string;
}

export interface Accepted {
  status: 'accepted';
  message: string;
}

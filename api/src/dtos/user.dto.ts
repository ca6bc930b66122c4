import type { Role } from '../services/auth/policy.js';
import type { UserView } from './auth.dto.js';

export interface CreateUserRequest {
  /**
   * @format email
   * @maxLength 254
   * @pattern ^[^\s@<>()\[\]\\,;:"]+@[^\s@<>()\[\]\\,;:"]+\.[^\s@<>()\[\]\\,;:"]+$
   */
  email: string;
  /** @minLength 1 @maxLength 120 */
  name: string;
  /** At least 12 characters, not a common password. @minLength 12 @maxLength 256 */
  password: string;
  role: Role;
}

export interface UpdateUserRequest {
  /** @minLength 1 @maxLength 120 */
  name?: string;
  role?: Role;
  /** Disabling ends every session of the user at once. */
  disabled?: boolean;
}

export interface UpdateProfileRequest {
  /** @minLength 1 @maxLength 120 */
  name?: string;
}

export interface UserPage {
  items: UserView[];
  nextCursor: string | null;
}

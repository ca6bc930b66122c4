import type { MESSAGE_STATUSES } from '../db/schema.js';

export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface ContactRequest {
  /** @minLength 1 @maxLength 120 */
  name: string;
  // tsoa checks `format` only in the spec, not at runtime: the pattern is what refuses a bad address.
  /**
   * Where the reply goes.
   * @format email
   * @maxLength 254
   * @pattern ^[^\s@<>()\[\]\\,;:"]+@[^\s@<>()\[\]\\,;:"]+\.[^\s@<>()\[\]\\,;:"]+$
   */
  email: string;
  /** @maxLength 200 */
  subject?: string;
  /** @minLength 1 @maxLength 5000 */
  message: string;
  /** Leave empty. A field people never see: bots fill it in. @maxLength 2048 */
  website?: string;
}

export interface ContactMessageView {
  id: string;
  name: string;
  email: string;
  /** Empty when the sender gave none. */
  subject: string;
  /** Stored verbatim (plain text): render it escaped. */
  message: string;
  status: MessageStatus;
  ip: string | null;
  userAgent: string | null;
  /** ISO 8601; null while unread. */
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactMessagePage {
  items: ContactMessageView[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface UpdateMessageRequest {
  /** `read` stamps readAt (once), `unread` clears it, `archived` keeps it. */
  status: MessageStatus;
}

export interface UnreadCount {
  unread: number;
}

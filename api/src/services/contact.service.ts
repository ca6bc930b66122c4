import { v7 as uuidv7 } from 'uuid';
import type { Accepted } from '../dtos/auth.dto.js';
import type {
  ContactMessagePage,
  ContactMessageView,
  ContactRequest,
  MessageStatus,
  UnreadCount,
  UpdateMessageRequest,
} from '../dtos/contact.dto.js';
import { Errors } from '../errors/catalogue.js';
import type { EmailJobData } from '../jobs/job-spec.js';
import type { ContactMessageRow, ContactRepository } from '../repositories/contact.repository.js';
import { changes, type AuditService } from './audit.service.js';
import type { Mailer } from './auth/password.service.js';
import type { Actor, ClientInfo } from './auth/principal.js';

/** What the service logs; pino's Logger fits. */
export interface ContactLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** One answer for stored, dropped (honeypot) and mail-delayed submissions: a bot learns nothing. */
const ACCEPTED: Accepted = { status: 'accepted', message: 'Thanks! Your message was received.' };

/** The public contact form and the admin inbox behind it. */
export class ContactService {
  constructor(
    private readonly messages: ContactRepository,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    /** The site owner, who gets each message by e-mail. */
    private readonly notifyTo: string,
    private readonly logger: ContactLogger,
  ) {}

  async submit(input: ContactRequest, client: ClientInfo): Promise<Accepted> {
    if (input.website?.trim()) {
      this.logger.info({ ip: client.ip, userAgent: client.userAgent }, 'contact form honeypot filled; message dropped');
      return ACCEPTED;
    }
    const name = input.name.trim();
    const email = input.email.trim();
    const subject = (input.subject ?? '').trim();
    const blank = [
      ...(name ? [] : [{ field: 'body.name', message: 'must not be blank' }]),
      ...(input.message.trim() ? [] : [{ field: 'body.message', message: 'must not be blank' }]),
    ];
    if (blank.length) throw Errors.validation(`${blank.map((b) => b.field).join(', ')} must not be blank.`, blank);

    const id = uuidv7();
    // The message is stored verbatim (it is plain text; the admin UI escapes it on display).
    await this.messages.insert({
      id,
      name,
      email,
      subject,
      message: input.message,
      ip: client.ip.slice(0, 45),
      userAgent: client.userAgent.slice(0, 512) || null,
    });
    try {
      await this.mailer.enqueueEmail(
        notificationMail(id, { name, email, subject, message: input.message }, this.notifyTo),
      );
    } catch (err) {
      // The message is safe in the inbox; failing here would only make the visitor send it twice.
      this.logger.warn({ messageId: id, err: (err as Error).message }, 'could not enqueue the contact notification');
    }
    return ACCEPTED;
  }

  async list(opts: { limit: number; cursor?: string; status?: MessageStatus }): Promise<ContactMessagePage> {
    const rows = await this.messages.list({
      limit: opts.limit + 1,
      before: opts.cursor ? decodeCursor(opts.cursor) : undefined,
      status: opts.status,
    });
    const page = rows.slice(0, opts.limit);
    const last = page[page.length - 1];
    return { items: page.map(toView), nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null };
  }

  /** Reading a message through the API does not mark it read; the inbox does that explicitly. */
  async get(id: string): Promise<ContactMessageView> {
    return toView(await this.require(id));
  }

  async update(actor: Actor, id: string, input: UpdateMessageRequest): Promise<ContactMessageView> {
    const row = await this.require(id);
    const readAt = input.status === 'read' ? (row.readAt ?? new Date()) : input.status === 'unread' ? null : row.readAt;
    await this.messages.update(id, { status: input.status, readAt });
    await this.audit.record(
      actor,
      'message.update',
      { type: 'contact_message', id },
      changes({ status: row.status }, { status: input.status }),
    );
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.require(id);
    if (!(await this.messages.delete(id))) throw Errors.notFound('Message not found.');
    await this.audit.record(
      actor,
      'message.delete',
      { type: 'contact_message', id },
      { from: row.email, subject: row.subject, status: row.status },
    );
  }

  async unreadCount(): Promise<UnreadCount> {
    return { unread: await this.messages.countUnread() };
  }

  private async require(id: string): Promise<ContactMessageRow> {
    const row = await this.messages.findById(id);
    if (!row) throw Errors.notFound('Message not found.');
    return row;
  }
}

/** CR, LF and every other control character become spaces: nothing a visitor types can add a header. */
export function oneLine(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

/** The owner's notification. Idempotency key and job id are the message id, so it goes out once. */
export function notificationMail(
  id: string,
  m: { name: string; email: string; subject: string; message: string },
  to: string,
): EmailJobData {
  const name = oneLine(m.name);
  const subject = oneLine(m.subject);
  return {
    key: `contact-${id}`,
    to,
    replyTo: oneLine(m.email),
    subject: `[OmerVision] ${subject || 'New message'} — ${name}`,
    text: [
      'New message from the contact form (reply to this e-mail to answer the sender).',
      '',
      `Name: ${name}`,
      `E-mail: ${oneLine(m.email)}`,
      `Subject: ${subject || '(none)'}`,
      '',
      m.message,
    ].join('\n'),
  };
}

/** Opaque keyset cursor over (createdAt, id): stable however many messages arrive meanwhile. */
export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.getTime()}.${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const match = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw Errors.validation('The cursor is not valid.', [
      { field: 'query.cursor', message: 'pass nextCursor from a previous page' },
    ]);
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

function toView(row: ContactMessageRow): ContactMessageView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    subject: row.subject,
    message: row.message,
    status: row.status,
    ip: row.ip,
    userAgent: row.userAgent,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

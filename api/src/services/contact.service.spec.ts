import { describe, expect, it } from 'vitest';
import type { EmailJobData } from '../jobs/job-spec.js';
import type { AuditRepository, NewAudit } from '../repositories/audit.repository.js';
import type { ContactMessageRow, ContactRepository, NewContactMessage } from '../repositories/contact.repository.js';
import { AuditService } from './audit.service.js';
import type { Actor } from './auth/principal.js';
import { ContactService, decodeCursor, encodeCursor, notificationMail, oneLine } from './contact.service.js';

class FakeMessages {
  rows = new Map<string, ContactMessageRow>();
  async insert(row: NewContactMessage) {
    const now = new Date();
    this.rows.set(row.id, { ...row, status: 'unread', readAt: null, createdAt: now, updatedAt: now });
  }
  async findById(id: string) {
    return this.rows.get(id);
  }
  async update(id: string, patch: Pick<ContactMessageRow, 'status' | 'readAt'>) {
    this.rows.set(id, { ...this.rows.get(id)!, ...patch });
  }
  async delete(id: string) {
    return this.rows.delete(id);
  }
}

function setup(enqueue: (data: EmailJobData) => Promise<void> = async () => {}) {
  const messages = new FakeMessages();
  const sent: EmailJobData[] = [];
  const audited: NewAudit[] = [];
  const logs: string[] = [];
  const service = new ContactService(
    messages as unknown as ContactRepository,
    {
      enqueueEmail: async (d) => {
        await enqueue(d);
        sent.push(d);
      },
    },
    new AuditService({ insert: async (e: NewAudit) => void audited.push(e) } as unknown as AuditRepository),
    'owner@example.com',
    { info: (_o, msg) => logs.push(`info ${msg}`), warn: (_o, msg) => logs.push(`warn ${msg}`) },
  );
  return { service, messages, sent, audited, logs };
}

const client = { ip: '192.0.2.1', userAgent: 'test' };
const actor: Actor = {
  ...client,
  principal: {
    kind: 'user',
    userId: 'u1',
    role: 'editor',
    sessionFamilyId: 'f',
    jti: 'j',
    tokenExpiresAt: 0,
    via: 'bearer',
  },
};
const input = { name: ' Ada ', email: 'ada@example.com', subject: 'Hi', message: 'Hello <b>' };

describe('ContactService.submit', () => {
  it('stores the message verbatim and enqueues one mail keyed by the message id', async () => {
    const { service, messages, sent } = setup();
    expect(await service.submit(input, client)).toMatchObject({ status: 'accepted' });
    const [row] = [...messages.rows.values()];
    expect(row).toMatchObject({ name: 'Ada', message: 'Hello <b>', ip: '192.0.2.1' });
    expect(sent).toEqual([
      expect.objectContaining({
        key: `contact-${row!.id}`,
        to: 'owner@example.com',
        replyTo: 'ada@example.com',
        subject: '[OmerVision] Hi — Ada',
      }),
    ]);
  });

  it('drops a filled honeypot silently with the same answer', async () => {
    const { service, messages, sent, logs } = setup();
    const stored = await setup().service.submit(input, client);
    expect(await service.submit({ ...input, website: 'x' }, client)).toEqual(stored);
    expect(messages.rows.size).toBe(0);
    expect(sent).toEqual([]);
    expect(logs).toEqual(['info contact form honeypot filled; message dropped']);
  });

  it('refuses blank name and message with both fields named', async () => {
    const { service } = setup();
    await expect(service.submit({ ...input, name: '  ', message: '\n' }, client)).rejects.toMatchObject({
      status: 422,
      errors: [{ field: 'body.name' }, { field: 'body.message' }],
    });
  });

  it('still accepts when the queue is down: the message is in the inbox', async () => {
    const { service, messages, logs } = setup(async () => {
      throw new Error('redis down');
    });
    expect(await service.submit(input, client)).toMatchObject({ status: 'accepted' });
    expect(messages.rows.size).toBe(1);
    expect(logs).toEqual(['warn could not enqueue the contact notification']);
  });
});

describe('notification mail', () => {
  it('puts no control character into the subject', () => {
    const mail = notificationMail(
      'id',
      { name: 'Eve\r\nBcc: x@y', email: 'e@x.io', subject: 'a\nX-A: 1\u2028b\u0000', message: 'm' },
      'o@x.io',
    );
    expect(mail.subject).toBe('[OmerVision] a X-A: 1 b — Eve Bcc: x@y');
    expect(
      notificationMail('id', { name: 'N', email: 'e@x.io', subject: ' \r\n', message: 'm' }, 'o@x.io').subject,
    ).toBe('[OmerVision] New message — N');
    expect(oneLine('a\tb\r\n\r\nc')).toBe('a b c');
  });
});

describe('inbox', () => {
  it('read stamps readAt once, unread clears it, archived keeps it; each change is audited', async () => {
    const { service, messages, audited } = setup();
    await service.submit(input, client);
    const id = [...messages.rows.keys()][0]!;
    const read = await service.update(actor, id, { status: 'read' });
    expect(read.readAt).not.toBeNull();
    expect((await service.update(actor, id, { status: 'read' })).readAt).toBe(read.readAt);
    expect((await service.update(actor, id, { status: 'archived' })).readAt).toBe(read.readAt);
    expect((await service.update(actor, id, { status: 'unread' })).readAt).toBeNull();
    await service.delete(actor, id);
    await expect(service.get(id)).rejects.toMatchObject({ status: 404 });
    expect(audited.map((a) => a.action)).toEqual([
      'message.update',
      'message.update',
      'message.update',
      'message.update',
      'message.delete',
    ]);
    expect(audited[0]!.diff).toEqual({ status: ['unread', 'read'] });
  });

  it('cursor round-trips and a forged one is a 422', () => {
    const at = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' };
    expect(decodeCursor(encodeCursor(at))).toEqual(at);
    expect(() => decodeCursor('garbage')).toThrow(expect.objectContaining({ status: 422 }));
  });
});

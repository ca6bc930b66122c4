import { randomInt, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInfrastructure, type Infrastructure } from '../src/composition/infrastructure.js';
import { Jobs, type EmailJobData } from '../src/jobs/job-spec.js';
import { buildJobRegistry } from '../src/composition/worker.js';
import { createLogger } from '../src/logger.js';
import type { JobHandler } from '../src/repositories/queue.repository.js';
import { REPO_ROOT, testEnv, testRedisPrefix } from './env.js';
import { bearer, createUser, login, post } from './factories.js';
import { eventually, startTestApi, type TestApi } from './harness.js';

const OWNER = 'owner-inbox@test.omervision.local';
let api: TestApi;
let worker: Infrastructure;
let sendEmail: JobHandler<EmailJobData>;
/** Every e-mail job the in-process worker ran: the data it got and what the handler returned. */
const handled: { data: EmailJobData; result: unknown }[] = [];
const tokens = {} as Record<'admin' | 'viewer' | 'author', string>;

beforeAll(async () => {
  // Every test here writes from 127.0.0.1; the limit itself is tested on its own API below.
  // Its own queue prefix: the drain checks below must not wait on jobs other test files left behind.
  const prefix = { REDIS_KEY_PREFIX: `${testRedisPrefix()}contact${Date.now()}:` };
  api = await startTestApi({ CONTACT_NOTIFY_EMAIL: OWNER, RATE_LIMIT_CONTACT_PER_HOUR: '100000', ...prefix });
  worker = createInfrastructure(testEnv(prefix), createLogger('silent', 'worker-test'), 'worker');
  for (const job of buildJobRegistry(worker)) {
    if (job.spec.name !== Jobs.email.name) {
      worker.queues.process(job.spec, 1, job.handle);
      continue;
    }
    sendEmail = job.handle as unknown as JobHandler<EmailJobData>;
    worker.queues.process(Jobs.email, 1, async (data, meta) => {
      const result = await sendEmail(data, meta);
      handled.push({ data, result });
      return result;
    });
  }
  for (const role of ['admin', 'viewer', 'author'] as const)
    tokens[role] = (await login(api, await createUser(api, role))).accessToken;
});
afterAll(async () => {
  await worker.close();
  await api.close();
});

const submit = (body: Record<string, unknown>, headers: Record<string, string> = {}, target = api) =>
  post(target, '/api/v1/contact', body, headers);
const admin = (path: string, init: RequestInit = {}, token = tokens.admin) =>
  fetch(`${api.url}/api/v1/admin/messages${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...bearer(token) },
  });

async function rowsWith(marker: string): Promise<Record<string, unknown>[]> {
  const [rows] = await api.infra.database.pool.query('SELECT * FROM contact_messages WHERE message LIKE ?', [
    `%${marker}%`,
  ]);
  return rows as Record<string, unknown>[];
}

/** Quoted-printable or base64 body decoded to text, so a marker can be found whatever nodemailer chose. */
function decodeEml(raw: string): { headers: string; text: string } {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split).trim();
  if (/^Content-Transfer-Encoding:\s*base64/im.test(headers))
    return { headers, text: Buffer.from(body, 'base64').toString('utf8') };
  if (!/^Content-Transfer-Encoding:\s*quoted-printable/im.test(headers)) return { headers, text: body };
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return { headers, text: Buffer.from(bytes).toString('utf8') };
}

async function mailsWith(marker: string): Promise<{ headers: string; text: string }[]> {
  const dir = join(REPO_ROOT, api.infra.env.DATA_DIR, 'mail');
  const found = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.eml'))) {
    const mail = decodeEml(await readFile(join(dir, name), 'utf8'));
    if (mail.text.includes(marker)) found.push(mail);
  }
  return found;
}

/** Header lines with folded continuations joined, as a mail client reads them. */
const headerLines = (headers: string) => headers.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
/** RFC 2047 Q-encoded words (nodemailer's choice for non-ASCII subjects) back to text; adjacent words join. */
const decodeWord = (value: string) =>
  value.replace(/\?=\s+=\?utf-8\?Q\?/gi, '').replace(/=\?utf-8\?Q\?([^?]*)\?=/gi, (_, q: string) =>
    decodeURIComponent(
      q
        .replace(/_/g, ' ')
        .replace(/%/g, '%25')
        .replace(/=([0-9A-F]{2})/g, '%$1'),
    ),
  );

async function queueDrained(): Promise<boolean> {
  const counts = (await api.infra.queues.counts([Jobs.email.name]))[Jobs.email.name]!;
  return counts.waiting + counts.active + counts.delayed === 0;
}

describe('POST /api/v1/contact', () => {
  it('stores the message, mails the owner once, and a retried or re-enqueued job sends nothing more', async () => {
    const marker = `marker-${randomUUID()}`;
    const res = await submit({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      subject: 'Engines',
      message: `Hello there ${marker}`,
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'accepted', message: expect.any(String) });

    const [row] = await rowsWith(marker);
    expect(row).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      subject: 'Engines',
      status: 'unread',
      read_at: null,
    });
    expect(row!.ip).toMatch(/127\.0\.0\.1/);
    const key = `contact-${String(row!.id)}`;

    const [mail] = await eventually(
      async () => ((await mailsWith(marker)).length ? mailsWith(marker) : undefined),
      20_000,
    );
    const lines = headerLines(mail!.headers);
    expect(lines).toContain(`To: ${OWNER}`);
    expect(lines).toContain('Reply-To: ada@example.com');
    expect(decodeWord(lines.find((l) => l.startsWith('Subject:'))!)).toBe(
      'Subject: [OmerVision] Engines — Ada Lovelace',
    );
    expect(mail!.text).toContain('Name: Ada Lovelace');
    expect(mail!.text).toContain('E-mail: ada@example.com');
    expect(mail!.text).toContain('Subject: Engines');

    // A retry after a crash: the same job data handled again, and the same job id enqueued again.
    const first = handled.find((h) => h.data.key === key)!;
    expect(first.result).toEqual({ skipped: false });
    expect(await sendEmail(first.data, { id: key, attempt: 2 })).toEqual({ skipped: true });
    await api.infra.queues.enqueue(Jobs.email, first.data, { id: key });
    await api.infra.queues.enqueue(Jobs.email, first.data, { id: key });
    await eventually(queueDrained);
    // The re-enqueued job ran again (bee-queue dropped the finished one) and the handler skipped it.
    const runs = handled.filter((h) => h.data.key === key).map((h) => h.result);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.slice(1)).toEqual(runs.slice(1).map(() => ({ skipped: true })));
    expect(await mailsWith(marker)).toHaveLength(1);
    const [log] = await api.infra.database.pool.query('SELECT count(*) AS n FROM email_log WHERE `key` = ?', [key]);
    expect(Number((log as { n: number }[])[0]!.n)).toBe(1);
  });

  it('honeypot: the same 202, nothing stored, nothing sent', async () => {
    const marker = `honey-${randomUUID()}`;
    const real = await submit({ name: 'Real', email: 'real@example.com', message: `real ${randomUUID()}` });
    const res = await submit({
      name: 'Bot',
      email: 'bot@example.com',
      message: `buy now ${marker}`,
      website: 'http://spam.example',
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual(await real.json());
    await eventually(queueDrained);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await rowsWith(marker)).toHaveLength(0);
    expect(await mailsWith(marker)).toHaveLength(0);
    expect(handled.some((h) => h.data.text.includes(marker))).toBe(false);
  });

  it('validation errors are 422 and name every bad field', async () => {
    const res = await submit({ email: 'not-an-email', message: 'x'.repeat(6000) });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.email',
      'body.message',
      'body.name',
    ]);

    for (const email of [
      'a@b',
      'a b@example.com',
      'ada@example.com\r\nBcc: x@example.com',
      'x'.repeat(250) + '@example.com',
    ]) {
      const bad = await submit({ name: 'A', email, message: 'hi' });
      expect(bad.status, email).toBe(422);
      expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual(['body.email']);
    }
    const blank = await submit({ name: '   ', email: 'a@example.com', message: ' \n ' });
    expect(blank.status).toBe(422);
    expect((await blank.json()).errors.map((e: { field: string }) => e.field)).toEqual(['body.name', 'body.message']);
    const extra = await submit({ name: 'A', email: 'a@example.com', message: 'hi', admin: true });
    expect(extra.status).toBe(422);
    const longSubject = await submit({ name: 'A', email: 'a@example.com', message: 'hi', subject: 's'.repeat(201) });
    expect((await longSubject.json()).errors.map((e: { field: string }) => e.field)).toEqual(['body.subject']);
  });

  it('stores script and SQL text verbatim and returns it as JSON strings; the tables survive', async () => {
    const xss = '<script>alert(1)</script>';
    const sqlText = "'; DROP TABLE users; --";
    const marker = `inj-${randomUUID()}`;
    expect(
      (await submit({ name: sqlText, email: 'x@example.com', subject: xss, message: `${xss} ${sqlText} ${marker}` }))
        .status,
    ).toBe(202);
    const [row] = await rowsWith(marker);
    expect(row).toMatchObject({ name: sqlText, subject: xss, message: `${xss} ${sqlText} ${marker}` });

    const res = await admin(`/${String(row!.id)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toMatchObject({ name: sqlText, subject: xss, message: `${xss} ${sqlText} ${marker}` });
    const [tables] = await api.infra.database.pool.query("SHOW TABLES LIKE 'users'");
    expect(tables).toHaveLength(1);
    // The users table still works: a new account can sign in.
    await login(api, await createUser(api, 'viewer'));
  });

  it('CR/LF in the subject or name cannot add mail headers', async () => {
    const marker = `crlf-${randomUUID()}`;
    const res = await submit({
      name: 'Eve\r\nX-Injected-Name: 1',
      email: 'eve@example.com',
      subject: 'Hi\r\nBcc: victim@example.com\r\nX-Injected: yes\n\nbody',
      message: `payload ${marker}`,
    });
    expect(res.status).toBe(202);
    const [mail] = await eventually(
      async () => ((await mailsWith(marker)).length ? mailsWith(marker) : undefined),
      20_000,
    );
    const lines = headerLines(mail!.headers);
    expect(lines.filter((l) => /^(Bcc|X-Injected|X-Injected-Name):/i.test(l))).toEqual([]);
    expect(lines.filter((l) => /^X-Envelope-To:/i.test(l))).toEqual([`X-Envelope-To: <${OWNER}>`]);
    expect(decodeWord(lines.find((l) => l.startsWith('Subject:'))!)).toBe(
      'Subject: [OmerVision] Hi Bcc: victim@example.com X-Injected: yes body — Eve X-Injected-Name: 1',
    );
  });
});

describe('CONTACT rate limit', () => {
  it('the third submission from one address in an hour is 429 with Retry-After, however the path is spelled', async () => {
    const limited = await startTestApi({ RATE_LIMIT_CONTACT_PER_HOUR: '2' });
    try {
      const from = { 'x-forwarded-for': `203.0.113.${randomInt(1, 254)}` };
      const body = () => ({ name: 'Flood', email: 'flood@example.com', message: `again ${randomUUID()}` });
      expect((await submit(body(), from, limited)).status).toBe(202);
      expect((await submit(body(), from, limited)).status).toBe(202);
      const marker = `limited-${randomUUID()}`;
      const third = await submit({ ...body(), message: marker }, from, limited);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await third.json()).code).toBe('RATE_LIMITED');
      expect(await rowsWith(marker)).toHaveLength(0);
      // Express routes these to the same handler, so they must hit the same limit.
      for (const path of ['/api/v1/contact/', '/api/v1/CONTACT', '/API/V1/Contact']) {
        expect((await post(limited, path, body(), from)).status, path).toBe(429);
      }
      // Per address: another visitor is not affected.
      expect((await submit(body(), { 'x-forwarded-for': '198.51.100.9' }, limited)).status).toBe(202);
    } finally {
      await limited.close();
    }
  });
});

describe('admin inbox', () => {
  it('lists newest first with a stable cursor, filters, marks read/unread/archived, deletes, counts unread', async () => {
    const marker = `inbox-${randomUUID()}`;
    for (let i = 0; i < 3; i++) {
      expect(
        (await submit({ name: `Sender ${i}`, email: `s${i}@example.com`, message: `${marker} #${i}` })).status,
      ).toBe(202);
    }
    const ids = (await rowsWith(marker))
      .sort((a, b) => String(a.message).localeCompare(String(b.message)))
      .map((r) => String(r.id));

    const seen: { id: string; createdAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { id: string; createdAt: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((m) => m.id)).size).toBe(seen.length);
    const order = seen.map((m) => `${m.createdAt}|${m.id}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(seen.map((m) => m.id)).toEqual(expect.arrayContaining(ids));
    expect(seen.findIndex((m) => m.id === ids[2])).toBeLessThan(seen.findIndex((m) => m.id === ids[0]));

    const count = async () => ((await (await admin('/unread-count')).json()) as { unread: number }).unread;
    const unreadBefore = await count();
    const got = await (await admin(`/${ids[0]}`)).json();
    expect(got).toMatchObject({ id: ids[0], status: 'unread', readAt: null, email: 's0@example.com' });
    expect(await count()).toBe(unreadBefore);

    const read = await admin(`/${ids[0]}`, { method: 'PATCH', body: JSON.stringify({ status: 'read' }) });
    expect(read.status).toBe(200);
    const readView = await read.json();
    expect(readView.status).toBe('read');
    expect(Date.parse(readView.readAt)).toBeGreaterThan(0);
    expect(await count()).toBe(unreadBefore - 1);
    const again = await (
      await admin(`/${ids[0]}`, { method: 'PATCH', body: JSON.stringify({ status: 'read' }) })
    ).json();
    expect(again.readAt).toBe(readView.readAt);
    const unread = await (
      await admin(`/${ids[0]}`, { method: 'PATCH', body: JSON.stringify({ status: 'unread' }) })
    ).json();
    expect(unread).toMatchObject({ status: 'unread', readAt: null });

    expect((await admin(`/${ids[1]}`, { method: 'PATCH', body: JSON.stringify({ status: 'archived' }) })).status).toBe(
      200,
    );
    const archived = await (await admin('?status=archived&limit=100')).json();
    expect(archived.items.map((m: { id: string }) => m.id)).toContain(ids[1]);
    expect(archived.items.every((m: { status: string }) => m.status === 'archived')).toBe(true);
    const unreadList = await (await admin('?status=unread&limit=100')).json();
    expect(unreadList.items.map((m: { id: string }) => m.id)).not.toContain(ids[1]);

    expect((await admin(`/${ids[1]}`, { method: 'PATCH', body: JSON.stringify({ status: 'spam' }) })).status).toBe(422);
    expect(
      (await admin(`/${ids[1]}`, { method: 'PATCH', body: JSON.stringify({ status: 'read', readAt: null }) })).status,
    ).toBe(422);
    expect((await admin('?limit=101')).status).toBe(422);
    expect((await admin('?cursor=garbage')).status).toBe(422);
    expect((await admin('?status=spam')).status).toBe(422);

    expect((await admin(`/${ids[2]}`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin(`/${ids[2]}`)).status).toBe(404);
    expect((await admin(`/${ids[2]}`, { method: 'DELETE' })).status).toBe(404);
    expect(
      (await admin(`/${randomUUID()}`, { method: 'PATCH', body: JSON.stringify({ status: 'read' }) })).status,
    ).toBe(404);

    const audit = await (
      await fetch(`${api.url}/api/v1/admin/audit?targetType=contact_message&limit=200`, {
        headers: bearer(tokens.admin),
      })
    ).json();
    const actions = audit.items.map((e: { action: string; targetId: string }) => `${e.action} ${e.targetId}`);
    expect(actions).toEqual(
      expect.arrayContaining([`message.update ${ids[0]}`, `message.update ${ids[1]}`, `message.delete ${ids[2]}`]),
    );
  });

  it('viewer reads but cannot change; author cannot read; anonymous is 401', async () => {
    const marker = `roles-${randomUUID()}`;
    await submit({ name: 'R', email: 'r@example.com', message: marker });
    const id = String((await rowsWith(marker))[0]!.id);
    expect((await admin('', {}, tokens.viewer)).status).toBe(200);
    expect((await admin(`/${id}`, {}, tokens.viewer)).status).toBe(200);
    expect((await admin('/unread-count', {}, tokens.viewer)).status).toBe(200);
    expect((await admin(`/${id}`, { method: 'DELETE' }, tokens.viewer)).status).toBe(403);
    expect(
      (await admin(`/${id}`, { method: 'PATCH', body: JSON.stringify({ status: 'read' }) }, tokens.viewer)).status,
    ).toBe(403);
    for (const path of ['', `/${id}`, '/unread-count'])
      expect((await admin(path, {}, tokens.author)).status, path).toBe(403);
    expect((await fetch(`${api.url}/api/v1/admin/messages`)).status).toBe(401);
    expect(await rowsWith(marker)).toHaveLength(1);
  });
});

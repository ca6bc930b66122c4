import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Jobs } from '../src/jobs/job-spec.js';
import { createLogger } from '../src/logger.js';
import { QueueRepository } from '../src/repositories/queue.repository.js';
import { testDatabaseUrl, testEnv, testRedisPrefix } from './env.js';
import { eventually, exitOf, spawnEntry } from './harness.js';

/**
 * OpenTelemetry end to end (api/src/telemetry.ts): the API and the worker, started as processes
 * with OTEL_EXPORTER_OTLP_ENDPOINT, export spans over OTLP/HTTP protobuf to a receiver here; we
 * decode the protobuf (wire format, below) and check the spans of one request that reaches MariaDB,
 * Redis and S3 (/health/ready), and of one queue job.
 */

// ---- a minimal OTLP/HTTP receiver: ExportTraceServiceRequest (opentelemetry/proto/trace/v1) ----

interface OtlpSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
}

/** Protobuf wire format: each field of a message as [field number, value] (bytes for length-delimited). */
function fields(buf: Buffer): [number, bigint | Buffer][] {
  const out: [number, bigint | Buffer][] = [];
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = buf[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const key = Number(varint());
    const field = key >>> 3;
    switch (key & 7) {
      case 0:
        out.push([field, varint()]);
        break;
      case 1:
        out.push([field, buf.readBigUInt64LE(pos)]);
        pos += 8;
        break;
      case 2: {
        const len = Number(varint());
        out.push([field, buf.subarray(pos, pos + len)]);
        pos += len;
        break;
      }
      case 5:
        out.push([field, BigInt(buf.readUInt32LE(pos))]);
        pos += 4;
        break;
      default:
        throw new Error(`unsupported wire type ${key & 7}`);
    }
  }
  return out;
}
const sub = (msg: Buffer, field: number) =>
  fields(msg)
    .filter(([f]) => f === field)
    .map(([, v]) => v as Buffer);

function anyValue(buf: Buffer): string | number | boolean {
  const [[field, value]] = fields(buf) as [[number, bigint | Buffer]];
  if (field === 1) return (value as Buffer).toString('utf8');
  if (field === 2) return value === 1n;
  if (field === 3) return Number(BigInt.asIntN(64, value as bigint));
  if (field === 4) return Buffer.from(new BigUint64Array([value as bigint]).buffer).readDoubleLE(0);
  return `<${field}>`;
}
function attributes(msg: Buffer, field: number): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const kv of sub(msg, field)) {
    const key = sub(kv, 1)[0]!.toString('utf8');
    const value = sub(kv, 2)[0];
    if (value) out[key] = anyValue(value);
  }
  return out;
}

function decodeTraces(body: Buffer): OtlpSpan[] {
  const spans: OtlpSpan[] = [];
  for (const resourceSpans of sub(body, 1)) {
    const resource = sub(resourceSpans, 1)[0];
    const service = String((resource ? attributes(resource, 1) : {})['service.name'] ?? '');
    for (const scopeSpans of sub(resourceSpans, 2)) {
      for (const span of sub(scopeSpans, 2)) {
        const f = fields(span);
        const hex = (n: number) =>
          ((f.find(([k]) => k === n)?.[1] as Buffer | undefined) ?? Buffer.alloc(0)).toString('hex');
        spans.push({
          service,
          traceId: hex(1),
          spanId: hex(2),
          parentSpanId: hex(4),
          name: (f.find(([k]) => k === 5)?.[1] as Buffer).toString('utf8'),
          kind: Number(f.find(([k]) => k === 6)?.[1] ?? 0n),
          attributes: attributes(span, 9),
        });
      }
    }
  }
  return spans;
}

let receiver: Server;
let endpoint: string;
const received: OtlpSpan[] = [];
const contentTypes = new Set<string>();

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      contentTypes.add(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.url === '/v1/traces') received.push(...decodeTraces(Buffer.concat(chunks)));
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const processEnv = (extra: Record<string, string>) => ({
  NODE_ENV: 'test',
  DATABASE_URL: testDatabaseUrl(),
  REDIS_KEY_PREFIX: testRedisPrefix(),
  LOG_LEVEL: 'info',
  JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
  OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
  OTEL_BSP_SCHEDULE_DELAY: '200',
  ...extra,
});

/** The chain of parents from `span` up to the root, within the spans received. */
function ancestors(span: OtlpSpan, all: OtlpSpan[]): OtlpSpan[] {
  const chain: OtlpSpan[] = [];
  let current: OtlpSpan | undefined = span;
  while (current?.parentSpanId) {
    current = all.find((s) => s.spanId === current!.parentSpanId);
    if (current) chain.push(current);
  }
  return chain;
}

describe('OpenTelemetry traces over OTLP/HTTP', () => {
  it('api: one request to MariaDB, Redis and S3 is one trace, every span carrying the request id', async () => {
    const port = await freePort();
    const api = spawnEntry('main', processEnv({ PORT: String(port), API_WORKERS: '1' }));
    try {
      const url = `http://127.0.0.1:${port}`;
      await eventually(async () => (await fetch(`${url}/health/live`)).ok, 30_000);

      // The caller's trace context is continued (W3C traceparent), its request id kept.
      const traceId = randomBytes(16).toString('hex');
      const callerSpanId = randomBytes(8).toString('hex');
      const requestId = `otel-${randomUUID()}`;
      const res = await fetch(`${url}/health/ready`, {
        headers: { 'x-request-id': requestId, traceparent: `00-${traceId}-${callerSpanId}-01` },
      });
      expect(res.status, await res.text()).toBe(200);
      expect(res.headers.get('x-request-id')).toBe(requestId);

      const isDb = (system: string) => (s: OtlpSpan) =>
        s.attributes['db.system.name'] === system || s.attributes['db.system'] === system;
      const isS3 = (s: OtlpSpan) => s.attributes['rpc.service'] === 'S3' || /^S3\./.test(s.name);
      const trace = await eventually(async () => {
        const spans = received.filter((s) => s.traceId === traceId);
        return spans.some(isDb('mysql')) &&
          spans.some(isDb('redis')) &&
          spans.some(isS3) &&
          spans.some((s) => s.kind === 2)
          ? spans
          : undefined;
      }, 20_000);

      const server = trace.find((s) => s.kind === 2)!; // SERVER
      expect(server.service).toBe('api');
      expect(server.parentSpanId).toBe(callerSpanId);
      expect(server.attributes['request.id']).toBe(requestId);
      expect(server.attributes['http.request.method'] ?? server.attributes['http.method']).toBe('GET');
      // Express's route span, under the server span.
      const route = trace.find((s) => s.attributes['express.type'] === 'request_handler');
      expect(route, trace.map((s) => s.name).join(', ')).toBeDefined();
      expect(route!.attributes['http.route']).toBe('/health/ready');

      for (const [what, match] of [
        ['MariaDB', isDb('mysql')],
        ['Redis', isDb('redis')],
        ['S3', isS3],
      ] as const) {
        const span = trace.find(match)!;
        expect(span.kind, what).toBe(3); // CLIENT
        expect(span.attributes['request.id'], `${what}: ${span.name}`).toBe(requestId);
        // Its parents lead to the server span of the request.
        expect(
          ancestors(span, trace).map((s) => s.spanId),
          `${what}: ${span.name}`,
        ).toContain(server.spanId);
      }
      // Nothing of this request was exported as a trace of its own.
      expect(received.filter((s) => s.attributes['request.id'] === requestId && s.traceId !== traceId)).toEqual([]);
      // Liveness probes are not traced.
      expect(
        received.some((s) =>
          String(s.attributes['url.path'] ?? s.attributes['http.target'] ?? '').startsWith('/health/live'),
        ),
      ).toBe(false);
      expect([...contentTypes]).toContain('POST /v1/traces application/x-protobuf');

      // Without an X-Request-Id the id the API generates and echoes is the one on the spans.
      const plain = await fetch(`${url}/health/ready`);
      const generated = plain.headers.get('x-request-id');
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      const spans = await eventually(async () => {
        const mine = received.filter((s) => s.attributes['request.id'] === generated);
        return mine.some((s) => s.kind === 2) && mine.some(isDb('mysql')) ? mine : undefined;
      }, 20_000);
      expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    } finally {
      api.kill('SIGTERM');
      await exitOf(api).catch(() => undefined);
    }
  }, 90_000);

  it('worker: each job runs in a CONSUMER span with its type and id, service.name worker', async () => {
    const env = testEnv();
    const worker = spawnEntry('worker', processEnv({}));
    const queues = new QueueRepository(env.REDIS_URL, env.REDIS_KEY_PREFIX, createLogger('silent', 't'), false);
    try {
      await eventually(async () => worker.output().includes('worker started') || undefined, 45_000);
      const jobId = await queues.enqueue(Jobs.email, {
        key: randomUUID(),
        to: 'otel@example.com',
        subject: 'Trace me',
        text: 'Hello',
      });
      const span = await eventually(async () => received.find((s) => s.attributes['job.id'] === jobId), 20_000).catch(
        (err: Error) => {
          throw new Error(
            `${err.message}; spans: ${received
              .filter((s) => s.service === 'worker')
              .map((s) => s.name)
              .join(', ')}; output: ${worker.output().slice(-2000)}`,
          );
        },
      );
      expect(span.service).toBe('worker');
      expect(span.kind).toBe(5); // CONSUMER
      expect(span.name).toBe(`job ${Jobs.email.name}`);
      expect(span.attributes['job.type']).toBe(Jobs.email.name);
      expect(span.attributes['messaging.system']).toBe('bee-queue');
      expect(span.attributes['job.attempt']).toBe(1);
      // The job is a root (no request started it here); whatever it did is in its trace.
      const children = received.filter((s) => s.parentSpanId === span.spanId);
      for (const child of children) expect(child.traceId).toBe(span.traceId);
    } finally {
      await queues.close(1000);
      worker.kill('SIGTERM');
      await exitOf(worker).catch(() => undefined);
    }
  }, 90_000);
});

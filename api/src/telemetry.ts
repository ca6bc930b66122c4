/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: spans for incoming and outgoing HTTP, Express routes,
 * MySQL (mysql2), Redis (node-redis 6), S3 (aws-sdk v3) and queue jobs (traceJob, below), exported
 * over OTLP/HTTP (protobuf) to that endpoint. Unset, none of the SDK is loaded (only the no-op
 * @opentelemetry/api facade) and traceJob returns the handler it is given.
 *
 * Load it before anything else. The process entries import it first (`import './telemetry.js'`),
 * which covers CommonJS code (our drivers are all CommonJS); production and `make dev` also preload
 * it (`node --import ./api/dist/telemetry.js …`, compose.yaml; `--import ./api/src/telemetry.ts`
 * under tsx) so that the ESM loader hook of import-in-the-middle is registered before the entry's
 * own imports are resolved. Loading it twice starts it once.
 *
 * service.name is the process (api, worker, router, setup: from the entry file's name), namespace
 * `omervision`. Every span of an HTTP request carries `request.id`, the same id the API logs and
 * echoes in X-Request-Id. OTEL_* variables of the SDK (OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES,
 * OTEL_TRACES_SAMPLER, OTEL_EXPORTER_OTLP_HEADERS, …) apply as usual (docs/operating.md, Observability).
 */
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { createRequire, register } from 'node:module';
import { basename } from 'node:path';
import { SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type * as SdkNode from '@opentelemetry/sdk-node';
import type * as SdkTrace from '@opentelemetry/sdk-trace';
import type * as HttpInstr from '@opentelemetry/instrumentation-http';
import type * as ExpressInstr from '@opentelemetry/instrumentation-express';
import type * as Mysql2Instr from '@opentelemetry/instrumentation-mysql2';
import type * as RedisInstr from '@opentelemetry/instrumentation-redis';
import type * as AwsInstr from '@opentelemetry/instrumentation-aws-sdk';
import type * as Exporter from '@opentelemetry/exporter-trace-otlp-proto';
import type * as Iitm from 'import-in-the-middle';
import type * as Resources from '@opentelemetry/resources';

/** The span attribute holding the request id (X-Request-Id) on every span of a request. */
export const REQUEST_ID_ATTRIBUTE = 'request.id';
/** Same rule as middleware/request-context.ts: a well-formed incoming id is kept, else one is made. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const STATE = Symbol.for('omervision.telemetry');
const TRACER = 'omervision';

interface State {
  sdk: SdkNode.NodeSDK;
  serviceName: string;
}
const globals = globalThis as typeof globalThis & { [STATE]?: State };

export function telemetryEnabled(): boolean {
  return Boolean(globals[STATE]);
}

/** api for main, else the entry's own name (worker, router, setup, ops-cli). */
function serviceNameOf(entry: string | undefined): string {
  const name = basename(entry ?? 'api').replace(/\.(c|m)?(t|j)s$/, '');
  return name === 'main' ? 'api' : name;
}

const positive = (name: string): number | undefined => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

/**
 * Copies request.id from the parent span to every child (MySQL, Redis, S3, Express, outgoing HTTP
 * spans of a request), so each of them can be found by the id a visitor quotes.
 */
class RequestIdProcessor implements SdkTrace.SpanProcessor {
  onStart(span: SdkTrace.Span, parentContext: Context): void {
    const parent = trace.getSpan(parentContext) as unknown as { attributes?: Attributes } | undefined;
    const id = parent?.attributes?.[REQUEST_ID_ATTRIBUTE];
    if (typeof id === 'string') span.setAttribute(REQUEST_ID_ATTRIBUTE, id);
  }
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function start(): void {
  const require = createRequire(import.meta.url);
  // ESM: import-in-the-middle's loader hook, for modules loaded after this point (a preload via
  // --import runs before the entry's imports are resolved). CommonJS is patched by require hooks.
  try {
    const { createAddHookMessageChannel } = require('import-in-the-middle') as typeof Iitm;
    const { registerOptions } = createAddHookMessageChannel();
    register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  } catch (err) {
    process.stderr.write(
      `telemetry: ESM hook not registered (${(err as Error).message}); CommonJS modules are still traced\n`,
    );
  }

  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { BatchSpanProcessor } = require('@opentelemetry/sdk-trace') as typeof SdkTrace;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto') as typeof Exporter;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof HttpInstr;
  const { ExpressInstrumentation, ExpressLayerType } =
    require('@opentelemetry/instrumentation-express') as typeof ExpressInstr;
  const { MySQL2Instrumentation } = require('@opentelemetry/instrumentation-mysql2') as typeof Mysql2Instr;
  const { RedisInstrumentation } = require('@opentelemetry/instrumentation-redis') as typeof RedisInstr;
  const { AwsInstrumentation } = require('@opentelemetry/instrumentation-aws-sdk') as typeof AwsInstr;
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof Resources;

  const serviceName = process.env.OTEL_SERVICE_NAME || serviceNameOf(process.argv[1]);
  const version = (require('../package.json') as { version?: string }).version ?? '0.0.0';
  // OTEL_BSP_* as the SDK reads them (passing our own processors turns its own reading off).
  const batch = new BatchSpanProcessor({
    exporter: new OTLPTraceExporter(),
    scheduledDelayMillis: positive('OTEL_BSP_SCHEDULE_DELAY'),
    exportTimeoutMillis: positive('OTEL_BSP_EXPORT_TIMEOUT'),
    maxQueueSize: positive('OTEL_BSP_MAX_QUEUE_SIZE'),
    maxExportBatchSize: positive('OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
  });

  const sdk = new NodeSDK({
    serviceName,
    resource: resourceFromAttributes({ 'service.namespace': 'omervision', 'service.version': version }),
    // Traces only: metrics stay Prometheus (/metrics/prometheus), logs stay pino's JSON lines.
    metricReaders: [],
    logRecordProcessors: [],
    spanProcessors: [new RequestIdProcessor(), batch],
    instrumentations: [
      new HttpInstrumentation({
        // Liveness probes and metric scrapes would be most of the traces and tell nothing.
        ignoreIncomingRequestHook: (req) => /^\/(health\/live|metrics)(\/|\?|$)/.test(req.url ?? ''),
        // Outgoing calls inside a request or job only: the worker's periodic Docker API calls (app
        // metrics, reconcile) would otherwise be a root span each.
        requireParentforOutgoingSpans: true,
        // The request id is fixed here, before the API's middleware runs (it keeps a well-formed
        // X-Request-Id, so it adopts this one): the server span and every child carry it.
        requestHook: (span, req) => {
          if (!(req instanceof IncomingMessage)) return; // outgoing: a ClientRequest
          const incoming = req;
          let id = incoming.headers['x-request-id'];
          if (typeof id !== 'string' || !REQUEST_ID.test(id)) {
            id = randomUUID();
            incoming.headers['x-request-id'] = id;
          }
          span.setAttribute(REQUEST_ID_ATTRIBUTE, id);
        },
      }),
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new MySQL2Instrumentation(),
      // Only commands inside a request or a job: bee-queue's blocking polls and stall checks would
      // otherwise make a root span every few seconds per queue.
      new RedisInstrumentation({ requireParentSpan: true }),
      // One span per S3 call (not one more for its HTTP request underneath).
      new AwsInstrumentation({ suppressInternalInstrumentation: true }),
    ],
  } as Partial<SdkNode.NodeSDKConfiguration>);
  sdk.start();
  globals[STATE] = { sdk, serviceName };
  // A process that ends by running out of work sends what is batched; one stopped by a signal
  // (process.exit after the drain) may lose the last OTEL_BSP_SCHEDULE_DELAY (5 s) of spans.
  process.once('beforeExit', () => void sdk.shutdown().catch(() => undefined));
}

const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
if (endpoint && !globals[STATE] && process.env.OTEL_SDK_DISABLED !== 'true') start();

type JobHandler<T, R> = (data: T, job: { id: string; attempt: number }) => Promise<R>;

/**
 * One CONSUMER span around a queue job handler (job.type, job.id, job.attempt; errors recorded),
 * the parent of the MySQL, Redis, S3 and HTTP spans the job makes. Without telemetry: `handler`.
 */
export function traceJob<T, R>(type: string, handler: JobHandler<T, R>): JobHandler<T, R> {
  if (!globals[STATE]) return handler;
  const tracer = trace.getTracer(TRACER);
  return (data, job) =>
    tracer.startActiveSpan(
      `job ${type}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'bee-queue',
          'messaging.operation.type': 'process',
          'messaging.destination.name': type,
          'messaging.message.id': job.id,
          'job.type': type,
          'job.id': job.id,
          'job.attempt': job.attempt,
        },
      },
      async (span: Span) => {
        try {
          return await handler(data, job);
        } catch (err) {
          span.recordException(err as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
          throw err;
        } finally {
          span.end();
        }
      },
    );
}

import { hostname } from 'node:os';
import pino, { type Logger } from 'pino';
import { LineWriter } from './log-writer.js';

/** Log lines held while stdout's reader lags (~16,000 request lines); more are dropped and counted. */
const MAX_BUFFER_BYTES = 4 * 1024 * 1024;
const EXIT_FLUSH_MS = 2000;

let stdout: LineWriter | undefined;

/**
 * One writer for the process's stdout, shared by every logger (lines keep their order), flushed
 * synchronously on exit — process.exit, the shutdown handler's exit, an uncaught exception — so
 * nothing queued is lost then; only a SIGKILL or a native crash loses the lines of the current
 * event-loop turn. A dead log reader (broken pipe) ends logging instead of hanging the exit.
 */
function stdoutWriter(): LineWriter {
  if (stdout) return stdout;
  // Node's own stdout stream puts a pipe into non-blocking mode (libuv): a full pipe then answers
  // EAGAIN at once and the writer retries later, instead of a write that waits for the reader.
  void process.stdout;
  const writer = new LineWriter(1, {
    maxBufferBytes: MAX_BUFFER_BYTES,
    exitFlushMs: EXIT_FLUSH_MS,
    dropNotice: (dropped) =>
      `${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, hostname: hostname(), dropped, msg: 'log lines dropped: stdout was not read fast enough' })}\n`,
  });
  process.on('exit', () => writer.flushSync());
  return (stdout = writer);
}

const requestLoggers = new WeakMap<Logger, Logger>();

/** JSON logs; credentials never reach them. Written without blocking the event loop (log-writer.ts). */
export function createLogger(level: string, name: string): Logger {
  const serializers = { err: pino.stdSerializers.err };
  const logger = pino(
    {
      name,
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers,
    },
    stdoutWriter(),
  );
  requestLoggers.set(logger, pino({ name, level, serializers }, stdoutWriter()));
  return logger;
}

/**
 * The logger's twin without redaction (same name, level and destination), for the request log: its
 * fields are fixed by request-context.ts (id, method, route, path, status, duration, error code)
 * and hold no credential, and redacting cost more than writing the rest of the line.
 */
export function requestLogger(logger: Logger): Logger {
  return requestLoggers.get(logger) ?? logger;
}

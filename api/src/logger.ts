import pino, { type Logger } from 'pino';

/**
 * JSON logs; credentials never reach them. Written synchronously: nothing is lost on a crash, and
 * a dead log reader (broken pipe) cannot hang process exit, which sonic-boom's async exit flush
 * does by retrying EPIPE forever.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
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
    serializers: { err: pino.stdSerializers.err },
  }, pino.destination({ dest: 1, sync: true }));
}

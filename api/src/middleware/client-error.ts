import { maxHeaderSize, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { AppError } from '../errors/app-error.js';
import { Errors } from '../errors/catalogue.js';
import { toProblem } from './problem.js';

/**
 * Node's parser (llhttp) error for a request that never reaches express. An over-long URL counts
 * against the header limit (`--max-http-header-size`, 16 KiB by default) like any header.
 */
function problemFor(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return Errors.headersTooLarge(
      `The request line and headers exceed the server's ${Math.round(maxHeaderSize / 1024)} KiB limit: shorten the URL's query string or the cookies.`,
      [{ field: 'headers', message: `request line + headers must stay under ${maxHeaderSize} bytes` }],
    );
  }
  return Errors.badRequest('The request could not be parsed as HTTP/1.1.', [
    { field: 'request', message: code ?? 'malformed' },
  ]);
}

/**
 * Requests Node's HTTP parser rejects before express sees them (too-large headers or query string,
 * malformed request lines) get the same problem+json answer as every other error instead of
 * Node's bare `431`/`400` with an empty body. Sockets that already sent a response, or are gone,
 * are just destroyed.
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (
      err.code === 'ECONNRESET' ||
      !socket.writable ||
      (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    ) {
      socket.destroy();
      return;
    }
    const problem = problemFor(err.code);
    const body = JSON.stringify(toProblem(problem));
    logger.info({ code: err.code, status: problem.status }, 'request rejected by the HTTP parser');
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.definition.title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (timeouts). */
  hang?: boolean;
  /** Answer this late (a slow receiver; the request is recorded as a hit on arrival). */
  delayMs?: number;
}

/** A webhook receiver on 127.0.0.1 whose answer per path (and per call number) a test chooses. */
export async function startReceiver() {
  const hits: Hit[] = [];
  const answers = new Map<string, (n: number) => Answer>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      hits.push({ path, headers: req.headers, body });
      const answer = answers.get(path)?.(hits.filter((h) => h.path === path).length) ?? { status: 200 };
      if (answer.hang) return;
      const reply = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'text/plain; charset=utf-8', ...answer.headers });
        res.end(answer.body ?? 'ok');
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits: (path: string) => hits.filter((h) => h.path === path),
    answer: (path: string, fn: (n: number) => Answer) => void answers.set(path, fn),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The headers as a plain record, for `new Webhook(secret).verify(body, headers)`. */
export function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
}

import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

export interface PinnedPost {
  url: URL;
  /** Addresses the caller validated; the connection goes to these and DNS is not asked again. */
  addresses: { address: string; family: 4 | 6 }[];
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** How much of the response body to keep. */
  maxExcerpt: number;
}

export interface HttpOutcome {
  status: number | null;
  excerpt: string | null;
  error: string | null;
  durationMs: number;
}

/**
 * One outgoing POST for webhook delivery: no redirects (node:http never follows them), a hard
 * deadline over connect + response, only the first `maxExcerpt` characters of the answer read,
 * and a fresh connection each time (no pooled socket from an earlier address).
 */
export class WebhookHttpRepository {
  post(req: PinnedPost): Promise<HttpOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const pinned: LookupFunction = (_host, options, callback) => {
      const all = req.addresses.map((a) => ({ address: a.address, family: a.family }));
      if ((options as { all?: boolean }).all) (callback as (e: null, a: typeof all) => void)(null, all);
      else callback(null, all[0]!.address, all[0]!.family);
    };
    const signal = AbortSignal.timeout(req.timeoutMs);
    const client = req.url.protocol === 'https:' ? https : http;

    return new Promise<HttpOutcome>((resolve) => {
      let settled = false;
      const done = (o: Omit<HttpOutcome, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...o, durationMs: elapsed() });
      };
      const fail = (err: Error) =>
        done({
          status: null,
          excerpt: null,
          error: signal.aborted ? `timed out after ${req.timeoutMs} ms` : describe(err),
        });

      const request = client.request(
        req.url,
        {
          method: 'POST',
          headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
          lookup: pinned,
          agent: false,
          signal,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          const finish = () =>
            done({ status: res.statusCode ?? null, excerpt: text.slice(0, req.maxExcerpt), error: null });
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.length >= req.maxExcerpt) {
              finish();
              res.destroy();
            }
          });
          res.on('end', finish);
          // The status arrived; a body cut short (timeout, reset) still counts by its status.
          res.on('error', finish);
          res.on('aborted', finish);
        },
      );
      request.on('error', fail);
      request.end(req.body);
    });
  }
}

function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  return (code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message).slice(0, 1000);
}

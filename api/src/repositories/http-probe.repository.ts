import { request } from 'node:http';

/** Asks an app container, through its loopback port, whether it answers HTTP at all. */
export class HttpProbe {
  /** The status of `GET <path>` (any status counts as an answer), or null when nothing answered in time. */
  status(port: number, timeoutMs = 2000, path = '/'): Promise<number | null> {
    return new Promise((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'GET',
          timeout: timeoutMs,
          headers: { 'user-agent': 'omervision-paas-health' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? null);
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(null));
      req.end();
    });
  }
}

import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A tiny Toxiproxy for tests: a TCP proxy on 127.0.0.1 in front of a real service. `down()` cuts
 * every connection and refuses new ones (a crashed or unreachable server), `latency(ms)` delays
 * every chunk, `blackhole()` accepts connections but never answers (a hung server). The real
 * service keeps running for everybody else.
 */
export class FaultProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private mode: 'up' | 'down' | 'blackhole' = 'up';
  private delayMs = 0;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  static forUrl(url: string): FaultProxy {
    const u = new URL(url);
    return new FaultProxy(u.hostname, Number(u.port));
  }

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** The same URL, pointing at the proxy. */
  url(original: string): string {
    const u = new URL(original);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString().replace(/\/$/, original.endsWith('/') ? '/' : '');
  }

  down(): void {
    this.mode = 'down';
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  blackhole(): void {
    this.mode = 'blackhole';
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  up(): void {
    this.mode = 'up';
    this.delayMs = 0;
  }

  latency(ms: number): void {
    this.delayMs = ms;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(client: Socket): void {
    if (this.mode === 'down') {
      client.destroy();
      return;
    }
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => client.destroy());
    if (this.mode === 'blackhole') return;
    const upstream = connect(this.targetPort, this.targetHost);
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    const pipe = (from: Socket, to: Socket) =>
      from.on('data', (chunk) => {
        if (this.delayMs) setTimeout(() => to.writable && to.write(chunk), this.delayMs);
        else if (to.writable) to.write(chunk);
      });
    pipe(client, upstream);
    pipe(upstream, client);
  }
}

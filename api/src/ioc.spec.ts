import { Controller } from '@tsoa/runtime';
import { describe, expect, it } from 'vitest';
import { requestView } from './ioc.js';

class Greeter extends Controller {
  constructor(private readonly greeting: string) {
    super();
  }

  async conditional(hit: boolean): Promise<string> {
    await Promise.resolve();
    this.setHeader('ETag', `"${hit ? 'a' : 'b'}"`);
    if (hit) this.setStatus(304);
    return this.greeting;
  }
}

describe('requestView', () => {
  it('gives each request its own status and headers over the one shared controller', async () => {
    const shared = new Greeter('merhaba');
    const [first, second] = [requestView(shared), requestView(shared)];
    // tsoa calls the route method found on the direct prototype.
    expect(Object.getPrototypeOf(first)).toBe(Greeter.prototype);
    // Interleaved like two concurrent requests: the 304 and the ETag of one stay with it.
    const [a, b] = await Promise.all([first.conditional(true), second.conditional(false)]);
    expect([a, b]).toEqual(['merhaba', 'merhaba']);
    expect(first.getStatus()).toBe(304);
    expect(second.getStatus()).toBeUndefined();
    expect(second.getHeaders()).toEqual({ ETag: '"b"' });
    // Nothing was left on the shared instance for the next request.
    expect(shared.getStatus()).toBeUndefined();
    expect(shared.getHeaders()).toEqual({});
    expect(requestView(shared).getHeaders()).toEqual({});
  });
});

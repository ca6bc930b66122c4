import { describe, expect, it } from 'vitest';
import { parseEgressAgentEnv } from './egress-agent-env.js';

describe('parseEgressAgentEnv', () => {
  it('reads the policy inputs only: no secret, database or Redis is required', () => {
    const env = parseEgressAgentEnv({
      PAAS_EGRESS_ALLOW: '10.0.0.5:3128',
      PAAS_BUILD_HTTP_PROXY: 'http://proxy.lan:3128',
      DATABASE_URL: 'mysql://not-read',
    });
    expect(env.PAAS_EGRESS_ALLOW).toEqual(['10.0.0.5:3128']);
    expect(env.PAAS_BUILD_HTTP_PROXY).toBe('http://proxy.lan:3128');
    expect(env).not.toHaveProperty('DATABASE_URL');
  });

  it('names a bad key', () => {
    expect(() => parseEgressAgentEnv({ PAAS_EGRESS_ALLOW: 'example.com' })).toThrow(/PAAS_EGRESS_ALLOW/);
  });
});

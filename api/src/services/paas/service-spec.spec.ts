import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LABEL } from './container-spec.js';
import { runtimeFor } from './dockerfile.js';
import { PAAS_BRIDGE_PREFIX } from './egress-policy.js';
import {
  buildServiceSpec,
  egressConfigSpec,
  egressNetworkSpec,
  GENERATION_LABEL,
  healthCheck,
  overlayName,
  overlaySpec,
  PORT_LABEL,
  serviceName,
  SWARM_EGRESS_BRIDGE,
  SWARM_EGRESS_CONFIG,
  SWARM_EGRESS_NETWORK,
  type ServiceInput,
} from './service-spec.js';

const input: ServiceInput = {
  instance: 'inst',
  appId: '01a00000-0000-7000-8000-000000000001',
  slug: 'blog',
  deploymentId: '01a00000-0000-7000-8000-0000000000d1',
  generation: '1700000000000-abc123',
  image: '127.0.0.1:5000/ov-paas/blog:01a00000-0000-7000-8000-0000000000d1@sha256:' + 'a'.repeat(64),
  port: 8080,
  env: { GREETING: 'hi', PORT: '1' },
  runtime: runtimeFor('node'),
  user: '10001:10001',
  limits: DEFAULT_LIMITS,
  health: healthCheck('node', null),
  startPeriodMs: 60_000,
  constraints: ['node.labels.paas==true'],
};

describe('buildServiceSpec', () => {
  const spec = buildServiceSpec(input);
  const task = spec.TaskTemplate;

  it('sets the same limits as a container where Swarm can express them', () => {
    expect(task.Resources.Limits).toEqual({ MemoryBytes: 256 * 1024 * 1024, NanoCPUs: 500_000_000, Pids: 128 });
    expect(task.RestartPolicy).toEqual({ Condition: 'on-failure', MaxAttempts: 3, Delay: 1_000_000_000, Window: 0 });
    expect(task.ContainerSpec).toMatchObject({
      User: '10001:10001',
      Init: true,
      ReadOnly: true,
      CapabilityDrop: ['ALL'],
    });
    expect(task.ContainerSpec.Mounts).toEqual([
      { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 64 * 1024 * 1024, Mode: 0o1777 } },
    ]);
    expect(task.LogDriver).toEqual({ Name: 'json-file', Options: { 'max-size': '5m', 'max-file': '2' } });
    expect(task.Placement).toEqual({ Constraints: ['node.labels.paas==true'] });
  });

  it('runs the digest-pinned image with PORT ours, labelled for reconcile, a new generation per change', () => {
    expect(spec.Name).toBe(serviceName(input.appId));
    expect(task.ContainerSpec.Image).toBe(input.image);
    expect(task.ContainerSpec.Env).toEqual(['GREETING=hi', 'PORT=8080']);
    expect(spec.Labels).toMatchObject({
      [LABEL.managed]: 'inst',
      [LABEL.app]: input.appId,
      [LABEL.deployment]: input.deploymentId,
      [PORT_LABEL]: '8080',
    });
    expect(task.ContainerSpec.Labels[GENERATION_LABEL]).toBe(input.generation);
  });

  it('joins only the app overlay and the egress bridge; publishes nothing; DNS round-robin', () => {
    expect(task.Networks).toEqual([
      { Target: overlayName(input.appId), Aliases: ['blog'] },
      { Target: SWARM_EGRESS_NETWORK },
    ]);
    expect(spec.EndpointSpec).toEqual({ Mode: 'dnsrr' });
    expect(JSON.stringify(spec)).not.toMatch(/Ports|PublishedPort/);
  });

  it('rolls start-first, gated on the health check, back to the previous spec on failure', () => {
    expect(spec.UpdateConfig).toMatchObject({ Order: 'start-first', FailureAction: 'rollback', Parallelism: 1 });
    expect(spec.RollbackConfig).toMatchObject({ Order: 'start-first' });
    expect(task.ContainerSpec.Healthcheck).toMatchObject({
      Test: ['CMD', 'node', '-e', expect.any(String)],
      StartPeriod: 60_000_000_000,
      Retries: 3,
    });
  });

  it('leaves an own Dockerfile its own HEALTHCHECK (none is made up) and a writable root', () => {
    const own = buildServiceSpec({
      ...input,
      runtime: runtimeFor('dockerfile'),
      health: healthCheck('dockerfile', '/health'),
    });
    expect(own.TaskTemplate.ContainerSpec).not.toHaveProperty('Healthcheck');
    expect(own.TaskTemplate.ContainerSpec.ReadOnly).toBe(false);
  });
});

describe('healthCheck', () => {
  it('node: any answer on /, a 2xx/3xx on a health-check path, never through a proxy', () => {
    const [, bin, , script] = healthCheck('node', '/healthz')!;
    expect(bin).toBe('node');
    expect(script).toContain('"/healthz"');
    expect(script).toContain('true&&r.statusCode>=400');
    expect(script).toContain('agent:false');
    expect(healthCheck('static', null)![3]).toContain('false&&r.statusCode>=400');
  });

  it('python: urllib without proxies, HTTP errors count only on a health-check path', () => {
    const [, bin, , script] = healthCheck('python', null)!;
    expect(bin).toBe('python3');
    expect(script).toContain('ProxyHandler({})');
    expect(script).toContain('sys.exit(1 if False and c >= 400 else 0)');
  });
});

describe('networks', () => {
  it('the app overlay is internal (no docker_gwbridge leg) and attachable (the router joins it)', () => {
    expect(overlaySpec(input.appId, 'blog', 'inst')).toMatchObject({
      Driver: 'overlay',
      Internal: true,
      Attachable: true,
      Labels: { [LABEL.app]: input.appId },
    });
  });

  it('the egress network is a swarm-scoped bridge named ovp… on every node, no traffic between tasks', () => {
    expect(SWARM_EGRESS_BRIDGE.startsWith(PAAS_BRIDGE_PREFIX)).toBe(true);
    expect(SWARM_EGRESS_BRIDGE.length).toBeLessThanOrEqual(15);
    expect(egressConfigSpec()).toEqual({
      Name: SWARM_EGRESS_CONFIG,
      ConfigOnly: true,
      Options: {
        'com.docker.network.bridge.name': SWARM_EGRESS_BRIDGE,
        'com.docker.network.bridge.enable_icc': 'false',
      },
    });
    expect(egressNetworkSpec()).toMatchObject({
      Driver: 'bridge',
      Scope: 'swarm',
      ConfigFrom: { Network: SWARM_EGRESS_CONFIG },
    });
  });
});

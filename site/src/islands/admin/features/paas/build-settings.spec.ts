import { describe, expect, it } from 'vitest';
import { buildBody, buildFields } from './build-settings';

const none = {
  rootDir: null,
  buildCommand: null,
  startCommand: null,
  outputDir: null,
  port: null,
  healthCheckPath: null,
  placement: null,
};

describe('advanced build settings fields', () => {
  it('shows argv commands as JSON and strings as typed; empty means detected', () => {
    expect(
      buildFields({ ...none, startCommand: ['node', 'server.js'], buildCommand: 'npm run build', port: 3000 }),
    ).toEqual({
      rootDir: '',
      buildCommand: 'npm run build',
      startCommand: '["node","server.js"]',
      outputDir: '',
      port: '3000',
      healthCheckPath: '',
      placement: '',
    });
  });

  it('sends every field, empty ones as null (reset to detection); a JSON array runs without a shell', () => {
    expect(
      buildBody({
        rootDir: ' apps/web ',
        buildCommand: '',
        startCommand: '["node", "a b.js"]',
        outputDir: '',
        port: '',
        healthCheckPath: '/healthz',
        placement: '',
      }),
    ).toEqual({
      build: { ...none, rootDir: 'apps/web', startCommand: ['node', 'a b.js'], healthCheckPath: '/healthz' },
    });
    expect(buildBody({ ...buildFields(none), startCommand: 'gunicorn app:app --bind 0.0.0.0:$PORT' })).toEqual({
      build: { ...none, startCommand: 'gunicorn app:app --bind 0.0.0.0:$PORT' },
    });
  });

  it('placement: one constraint per line, blank lines dropped; none is null', () => {
    expect(buildFields({ ...none, placement: ['node.labels.region==eu', 'node.role!=manager'] }).placement).toBe(
      'node.labels.region==eu\nnode.role!=manager',
    );
    expect(buildBody({ ...buildFields(none), placement: ' node.labels.region==eu \n\n node.role!=manager\n' })).toEqual(
      {
        build: { ...none, placement: ['node.labels.region==eu', 'node.role!=manager'] },
      },
    );
    expect(buildBody({ ...buildFields(none), placement: ' \n ' })).toEqual({ build: none });
  });

  it('names the bad fields the way the API does', () => {
    expect(buildBody({ ...buildFields(none), port: '80.5', startCommand: '[node]' })).toEqual({
      errors: {
        'build.port': 'A port from 1 to 65535.',
        'build.startCommand': 'A command starting with [ is a JSON array of strings, e.g. ["node", "server.js"].',
      },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { checkDockerfile, checkOnBuildTriggers, parseDockerfile, registryOf } from './dockerfile-policy.js';

const refused = (text: string) => {
  const v = checkDockerfile(text);
  if (v.ok) throw new Error(`expected a refusal of:\n${text}`);
  return v.reason;
};

describe('parseDockerfile', () => {
  it('joins continuations, drops comments and keeps the starting line', () => {
    const ins = parseDockerfile(
      '# syntax=docker/dockerfile:1\nFROM node:24\n\n# a comment\nRUN echo a \\\n  # inside\n  && echo b\nCMD ["node"]',
    );
    expect(ins).toEqual([
      { line: 2, keyword: 'FROM', args: 'node:24' },
      { line: 5, keyword: 'RUN', args: 'echo a  && echo b' },
      { line: 8, keyword: 'CMD', args: '["node"]' },
    ]);
  });

  it('honours the escape directive', () => {
    expect(parseDockerfile('# escape=`\nFROM x\nRUN a `\n b\n')[1]).toEqual({ line: 3, keyword: 'RUN', args: 'a  b' });
  });
});

describe('checkDockerfile', () => {
  it('accepts an ordinary multi-stage Dockerfile and lists the images to pull first', () => {
    const v = checkDockerfile(
      'ARG NODE=24\nFROM node:${NODE}-alpine AS build\nCOPY . .\nRUN npm ci\nFROM ghcr.io/org/base:1\nCOPY --from=build /app /app\nCOPY --from=0 /x /y\nADD ./local.tar.gz /srv/\n',
    );
    expect(v).toEqual({ ok: true, images: ['node:24-alpine', 'ghcr.io/org/base:1'] });
  });

  it('remote ADD to a loopback server is refused naming the line', () => {
    expect(refused('FROM node:24\nADD http://127.0.0.1:8123/secret /s\nRUN cat /s')).toMatch(
      /^Dockerfile line 2: ADD http:\/\/127\.0\.0\.1:8123\/secret makes the Docker engine download/,
    );
    expect(refused('FROM node:24\nADD ["https://169.254.169.254/latest/meta-data/", "/m"]')).toMatch(
      /line 2: ADD https:\/\/169\.254/,
    );
    expect(refused('FROM node:24\nADD --chown=1:1 git@github.com:a/b.git /b')).toMatch(/line 2/);
    expect(refused('FROM node:24\nadd \\\n  HTTP://example.com/x /x')).toMatch(/line 2/);
  });

  it('remote ADD hidden behind a build variable is refused', () => {
    expect(refused('FROM node:24\nARG U=http://127.0.0.1/x\nADD $U /s')).toMatch(/line 3: ADD \$U uses a variable/);
  });

  it('ONBUILD ADD of a URL is refused, in the file and in a base image', () => {
    expect(refused('FROM node:24\nONBUILD ADD http://10.0.0.1/x /x')).toMatch(/line 2: ADD http/);
    expect(checkOnBuildTriggers('evil/base', ['ADD http://127.0.0.1/x /x'])).toMatch(
      /evil\/base carries an ONBUILD trigger/,
    );
    expect(checkOnBuildTriggers('node:24', [])).toBeUndefined();
  });

  it('base images from loopback, private or unknown registries are refused', () => {
    expect(refused('FROM 127.0.0.1:5000/img')).toMatch(/line 1: FROM pulls from 127\.0\.0\.1:5000/);
    expect(refused('FROM localhost:5000/img')).toMatch(/localhost:5000/);
    expect(refused('FROM [::1]:5000/img')).toMatch(/line 1/);
    expect(refused('FROM registry.internal.corp/img')).toMatch(/not an allowed registry/);
    expect(refused('FROM node:24\nCOPY --from=10.1.2.3:5000/x /a /b')).toMatch(
      /line 2: COPY --from pulls from 10\.1\.2\.3:5000/,
    );
    expect(refused('FROM $BASE')).toMatch(/cannot resolve/);
    expect(checkDockerfile('FROM registry.internal.corp/img', ['registry.internal.corp']).ok).toBe(true);
  });

  it('RUN flags that leave the sandbox are refused', () => {
    expect(refused('FROM node:24\nRUN --network=host curl http://127.0.0.1')).toMatch(/line 2: RUN --network=host/);
    expect(refused('FROM node:24\nRUN --security=insecure id')).toMatch(/line 2: RUN --security=insecure/);
  });

  it('a Dockerfile without FROM is refused', () => {
    expect(refused('RUN echo hi')).toMatch(/no FROM/);
  });
});

describe('registryOf', () => {
  it('reads the registry part of a reference', () => {
    expect(registryOf('node')).toBe('docker.io');
    expect(registryOf('library/node:24')).toBe('docker.io');
    expect(registryOf('ghcr.io/a/b')).toBe('ghcr.io');
    expect(registryOf('localhost/a')).toBe('localhost');
    expect(registryOf('127.0.0.1:5000/a')).toBe('127.0.0.1:5000');
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildNetworkFrom,
  CA_IN_IMAGE,
  proxyBuildArgs,
  proxyEndpoints,
  proxyRuntimeEnv,
  withBuildNetwork,
} from './build-network.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('buildNetworkFrom', () => {
  it('takes the operator settings first, then the worker environment (either case)', () => {
    expect(
      buildNetworkFrom(
        { PAAS_BUILD_HTTPS_PROXY: 'http://own:3128' },
        { HTTP_PROXY: 'http://env:80', https_proxy: 'http://env:443', no_proxy: 'localhost' },
        PEM,
      ),
    ).toEqual({
      httpProxy: 'http://env:80',
      httpsProxy: 'http://own:3128',
      noProxy: 'localhost',
      caBundle: PEM,
    });
    expect(buildNetworkFrom({}, {}, undefined)).toEqual({});
  });
});

describe('proxy args and env', () => {
  const net = { httpProxy: 'http://user:secret@10.0.0.5:3128', noProxy: 'localhost' };

  it("uses the builder's predefined proxy args (never persisted in the image), both cases", () => {
    expect(proxyBuildArgs(net)).toEqual({
      HTTP_PROXY: net.httpProxy,
      http_proxy: net.httpProxy,
      NO_PROXY: 'localhost',
      no_proxy: 'localhost',
    });
  });

  it("gives apps the proxy, with the app's own variables winning", () => {
    expect(proxyRuntimeEnv(net, { NO_PROXY: 'mine', GREETING: 'hi' })).toMatchObject({
      HTTP_PROXY: net.httpProxy,
      NO_PROXY: 'mine',
      GREETING: 'hi',
    });
  });

  it('names the proxy endpoints for the egress policy', () => {
    expect(proxyEndpoints({ httpProxy: 'http://user:secret@10.0.0.5:3128', httpsProxy: 'proxy.lan' })).toEqual([
      { host: '10.0.0.5', port: 3128 },
      { host: 'proxy.lan', port: 80 },
    ]);
  });
});

describe('withBuildNetwork', () => {
  const dockerfile = '# Generated\nFROM node:24 AS build\nRUN ["npm","ci"]\nFROM node:24\nCMD ["node"]\n';

  it('copies the CA bundle into every stage and names it for npm, yarn, pip, curl and git', () => {
    const out = withBuildNetwork(dockerfile, { caBundle: PEM }).split('\n');
    expect(out.filter((l) => l === `COPY omervision/ca-bundle.crt ${CA_IN_IMAGE}`)).toHaveLength(2);
    const env = out.find((l) => l.startsWith('ENV '))!;
    for (const v of [
      'NODE_EXTRA_CA_CERTS',
      'npm_config_cafile',
      'YARN_HTTPS_CA_FILE_PATH',
      'SSL_CERT_FILE',
      'PIP_CERT',
      'REQUESTS_CA_BUNDLE',
      'GIT_SSL_CAINFO',
    ]) {
      expect(env).toContain(`${v}=${CA_IN_IMAGE}`);
    }
    expect(out[1]).toBe('FROM node:24 AS build');
    expect(out[2]).toMatch(/^COPY /);
  });

  it('adds the corepack setting when asked, and nothing when nothing is configured', () => {
    expect(withBuildNetwork(dockerfile, { corepackIntegrityKeys: '0' })).toContain('ENV COREPACK_INTEGRITY_KEYS="0"');
    expect(withBuildNetwork(dockerfile, {})).toBe(dockerfile);
  });
});

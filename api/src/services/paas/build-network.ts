/**
 * The network settings builds and apps inherit from the operator: an HTTP(S) proxy and a CA bundle
 * (corporate TLS interception, a private registry mirror). Pure. Proxies reach the classic builder
 * as its predefined proxy build args, which are not kept in the image's history (a proxy URL may
 * carry credentials); the CA bundle — public certificates, no secret — is copied into generated
 * images and named by every variable the usual tools read, so npm, yarn/corepack, pnpm, pip, uv,
 * requests, curl and git all trust it.
 */
export interface BuildNetwork {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
  /** PEM content of the CA bundle, when one is configured. */
  caBundle?: string;
  /**
   * COREPACK_INTEGRITY_KEYS for generated builds: `0` when the registry (a mirror, a proxy) serves
   * package metadata without npm's signatures, which corepack otherwise refuses.
   */
  corepackIntegrityKeys?: string;
}

/** Where the bundle goes in a generated build context, and in the image. */
export const CA_IN_CONTEXT = 'omervision/ca-bundle.crt';
export const CA_IN_IMAGE = '/etc/ssl/certs/omervision-ca-bundle.crt';

/** Variables pointing the common package managers and TLS stacks at the bundle. */
export const CA_VARIABLES = [
  'NODE_EXTRA_CA_CERTS', // Node: npm, corepack (yarn, pnpm downloads), the app itself
  'npm_config_cafile', // npm, pnpm
  'YARN_HTTPS_CA_FILE_PATH', // yarn berry
  'SSL_CERT_FILE', // OpenSSL: Python's ssl, uv, curl, git
  'PIP_CERT',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'GIT_SSL_CAINFO',
] as const;

/** Build args for the classic builder: the predefined proxy args (not persisted in the image). */
export function proxyBuildArgs(net: BuildNetwork): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (name: string, value: string | undefined) => {
    if (value) {
      out[name] = value;
      out[name.toLowerCase()] = value;
    }
  };
  set('HTTP_PROXY', net.httpProxy);
  set('HTTPS_PROXY', net.httpsProxy);
  set('NO_PROXY', net.noProxy);
  return out;
}

/** The proxy variables an app runs with; the app's own variables win. */
export function proxyRuntimeEnv(net: BuildNetwork, appEnv: Record<string, string>): Record<string, string> {
  const proxy = proxyBuildArgs(net);
  return { ...proxy, ...appEnv };
}

/**
 * A generated Dockerfile with the CA bundle copied in and named (and the corepack setting) after
 * every `FROM`, so each stage (build and runtime) has them. Repositories' own Dockerfiles are never
 * rewritten: they get the proxy build args and the bundle in their context as
 * `.omervision/ca-bundle.crt` to COPY if they want it.
 */
export function withBuildNetwork(dockerfile: string, net: BuildNetwork): string {
  const vars = [
    ...(net.caBundle ? CA_VARIABLES.map((v) => `${v}=${CA_IN_IMAGE}`) : []),
    ...(net.corepackIntegrityKeys !== undefined
      ? [`COREPACK_INTEGRITY_KEYS=${JSON.stringify(net.corepackIntegrityKeys)}`]
      : []),
  ];
  if (vars.length === 0) return dockerfile;
  const after = [...(net.caBundle ? [`COPY ${CA_IN_CONTEXT} ${CA_IN_IMAGE}`] : []), `ENV ${vars.join(' ')}`];
  return dockerfile
    .split('\n')
    .flatMap((line) => (/^FROM\s/i.test(line) ? [line, ...after] : [line]))
    .join('\n');
}

/** The proxy settings from the operator's variables, falling back to the worker's own environment. */
export function buildNetworkFrom(
  config: {
    PAAS_BUILD_HTTP_PROXY?: string | undefined;
    PAAS_BUILD_HTTPS_PROXY?: string | undefined;
    PAAS_BUILD_NO_PROXY?: string | undefined;
    PAAS_BUILD_COREPACK_INTEGRITY_KEYS?: string | undefined;
  },
  host: Record<string, string | undefined>,
  caBundle: string | undefined,
): BuildNetwork {
  const pick = (own: string | undefined, name: string) => own ?? host[name] ?? host[name.toLowerCase()] ?? undefined;
  const net: BuildNetwork = {};
  const http = pick(config.PAAS_BUILD_HTTP_PROXY, 'HTTP_PROXY');
  const https = pick(config.PAAS_BUILD_HTTPS_PROXY, 'HTTPS_PROXY');
  const no = pick(config.PAAS_BUILD_NO_PROXY, 'NO_PROXY');
  if (http) net.httpProxy = http;
  if (https) net.httpsProxy = https;
  if (no) net.noProxy = no;
  if (caBundle) net.caBundle = caBundle;
  if (config.PAAS_BUILD_COREPACK_INTEGRITY_KEYS !== undefined)
    net.corepackIntegrityKeys = config.PAAS_BUILD_COREPACK_INTEGRITY_KEYS;
  return net;
}

/** `host:port` of each configured proxy, for the egress policy's exceptions (a proxy on the LAN). */
export function proxyEndpoints(net: BuildNetwork): { host: string; port: number }[] {
  const out: { host: string; port: number }[] = [];
  for (const value of [net.httpProxy, net.httpsProxy]) {
    if (!value) continue;
    try {
      const url = new URL(value.includes('://') ? value : `http://${value}`);
      out.push({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      });
    } catch {
      // not a URL: nothing to allow
    }
  }
  return out;
}

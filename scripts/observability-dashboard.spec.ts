import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MetricsRepository } from '../api/src/repositories/metrics.repository.js';

/**
 * docs/observability/dashboard.json queries only what /metrics/prometheus exposes: every metric name
 * in every PromQL expression (panels, template variables) is one the API's registry writes, with the
 * label names the expression filters or groups on; and every metric family of our own is on the
 * dashboard. The registry is the real one (api/src/repositories/metrics.repository.ts), with every
 * gauge source set, after one observed request, as a scrape would see it.
 */

const dashboard = JSON.parse(
  readFileSync(new URL('../docs/observability/dashboard.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const prometheusYml = readFileSync(new URL('../docs/observability/prometheus.yml', import.meta.url), 'utf8');

/** Series Prometheus makes itself, and labels it adds to every scraped series. */
const PROMETHEUS_OWN = new Set(['up']);
const TARGET_LABELS = new Set(['job', 'instance']);
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/** Every `expr` (panel targets) and template `query`/`definition` string in the dashboard. */
function expressions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) expressions(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'expr' || key === 'definition') && typeof value === 'string') out.push(value);
      else if (key === 'query' && typeof value === 'string' && value.includes('(')) out.push(value);
      else expressions(value, out);
    }
  }
  return out;
}

interface Parsed {
  metrics: string[];
  /** label names filtered on, per metric selector */
  matchers: [metric: string, label: string][];
  /** label names in by (…) / without (…) and label_values(…, label) */
  grouping: string[];
}

/** The metric names and label names of a PromQL expression (Grafana's $variables stripped). */
function parse(expr: string): Parsed {
  const matchers: [string, string][] = [];
  const grouping: string[] = [];
  let rest = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  rest = rest.replace(/([a-zA-Z_:][\w:]*)?\s*\{([^}]*)\}/g, (_m, metric: string | undefined, body: string) => {
    for (const [, label] of body.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)) matchers.push([metric ?? '', label!]);
    return metric ?? '';
  });
  rest = rest.replace(/\[[^\]]*\]/g, '');
  rest = rest.replace(/\b(by|without)\s*\(([^)]*)\)/g, (_m, _k, labels: string) => {
    grouping.push(
      ...labels
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    return '';
  });
  rest = rest.replace(/label_values\(\s*([a-zA-Z_:][\w:]*)\s*,\s*(\w+)\s*\)/g, (_m, metric: string, label: string) => {
    grouping.push(label);
    return metric;
  });
  const metrics = [...rest.matchAll(/(?<![\w.$])([a-zA-Z_:][\w:]*)(?![\w:])(?!\s*\()/g)]
    .map((m) => m[1]!)
    .filter((name) => !KEYWORDS.has(name.toLowerCase()));
  return { metrics, matchers, grouping };
}

/** Sample names → label names, from the text exposition of a registry with every source set. */
async function exposition(): Promise<Map<string, Set<string>>> {
  const metrics = new MetricsRepository('omervision-api', {
    dbPool: () => ({ total: 4, free: 3, queued: 0 }),
    queues: async () => ({ email: { waiting: 1, active: 0, delayed: 0, failed: 0 } }),
    jobStats: async () => ({
      email: { priority: 'high', count: 2, sumSeconds: 0.5, failed: 1, buckets: { '0.1': 1, '1': 2 } },
    }),
  });
  metrics.observe('GET', '/api/v1/posts', 200, 0.01);
  const series = new Map<string, Set<string>>();
  for (const line of (await metrics.prometheus()).split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? /.exec(line);
    if (!m) continue;
    const labels = series.get(m[1]!) ?? new Set<string>();
    for (const [, label] of (m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="/g)) labels.add(label!);
    series.set(m[1]!, labels);
  }
  return series;
}

describe('docs/observability', () => {
  const exprs = expressions(dashboard);

  it('the parser finds metric and label names (and no functions or keywords)', () => {
    expect(
      parse(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{service="$service",status_code=~"5.."}[$__rate_interval]))) / clamp_min(up, 1e-9)',
      ),
    ).toEqual({
      metrics: ['http_request_duration_seconds_bucket', 'up'],
      matchers: [
        ['http_request_duration_seconds_bucket', 'service'],
        ['http_request_duration_seconds_bucket', 'status_code'],
      ],
      grouping: ['le', 'route'],
    });
  });

  it('every metric the dashboard queries is exposed, with the labels it uses', async () => {
    expect(exprs.length).toBeGreaterThanOrEqual(15);
    const series = await exposition();
    const problems: string[] = [];
    for (const expr of exprs) {
      const { metrics, matchers, grouping } = parse(expr);
      expect(metrics.length, `no metric in: ${expr}`).toBeGreaterThan(0);
      for (const metric of metrics) {
        if (!PROMETHEUS_OWN.has(metric) && !series.has(metric)) problems.push(`${metric} is not exposed (${expr})`);
      }
      for (const [metric, label] of matchers) {
        if (TARGET_LABELS.has(label) || PROMETHEUS_OWN.has(metric)) continue;
        if (!series.get(metric)?.has(label)) problems.push(`${metric} has no label ${label} (${expr})`);
      }
      for (const label of grouping) {
        if (TARGET_LABELS.has(label)) continue;
        if (!metrics.some((metric) => series.get(metric)?.has(label)))
          problems.push(`no metric of the expression has label ${label} (${expr})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every metric family of our own is on the dashboard', async () => {
    const queried = new Set(exprs.flatMap((e) => parse(e).metrics));
    const own = [...(await exposition()).keys()].filter((name) => !/^(process|nodejs)_/.test(name));
    expect(own.length).toBeGreaterThanOrEqual(8);
    const family = (name: string) => name.replace(/_(bucket|sum|count)$/, '');
    const missing = [...new Set(own.map(family))].filter((f) => ![...queried].some((q) => family(q) === f));
    expect(missing).toEqual([]);
  });

  it('the scrape config reads the endpoint the API serves, on every replica', () => {
    expect(prometheusYml).toMatch(/^\s+metrics_path: \/metrics\/prometheus$/m);
    expect(prometheusYml).toMatch(/names: \[api\]/);
    expect(prometheusYml).toMatch(/port: 8000/);
  });
});

import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from './registry.ts';

describe('MetricsRegistry', () => {
  it('writes counters, gauges and cumulative histogram buckets that a Prometheus parser reads back', async () => {
    const registry = new MetricsRegistry();
    const runs = registry.counter({ name: 'jobs_total', help: 'Jobs run.', labelNames: ['outcome'] });
    runs.inc({ outcome: 'ok' });
    runs.labels({ outcome: 'ok' }).inc(2);
    runs.inc({ outcome: 'failed' });
    const written = registry.counter({ name: 'written_total', help: 'Written.' });
    written.inc(5);
    written.inc();
    registry.gauge({ name: 'queue_depth', help: 'Waiting.', collect: (gauge) => gauge.set({}, 7) });
    const seconds = registry.histogram({ name: 'job_seconds', help: 'Job time.', buckets: [1, 0.1] });
    for (const value of [0.05, 0.5, 0.5, 4]) seconds.observe(value);

    const text = await registry.metrics();
    expect(text).toContain('# TYPE jobs_total counter\njobs_total{outcome="ok"} 3\njobs_total{outcome="failed"} 1\n');
    expect(text).toContain('written_total 6\n');
    expect(text).toContain(
      'job_seconds_bucket{le="0.1"} 1\njob_seconds_bucket{le="1"} 3\njob_seconds_bucket{le="+Inf"} 4\njob_seconds_sum 5.05\njob_seconds_count 4\n',
    );
    const families = parsePrometheusTextFormat(text);
    expect(families.map((f) => [f.name, f.type])).toEqual([
      ['jobs_total', 'COUNTER'],
      ['written_total', 'COUNTER'],
      ['queue_depth', 'GAUGE'],
      ['job_seconds', 'HISTOGRAM'],
    ]);
    expect(families[2]?.metrics[0]?.value).toBe('7');
    expect(families[3]?.metrics[0]).toMatchObject({ count: '4', buckets: { '0.1': '1', '1': '3', '+Inf': '4' } });
  });

  it('escapes label values and help text as the format requires', async () => {
    const registry = new MetricsRegistry();
    registry
      .counter({ name: 'odd_total', help: 'Back\\slash and\nnewline.', labelNames: ['path'] })
      .inc({ path: 'a"b\\c\nd' });
    const text = await registry.metrics();
    expect(text).toContain('# HELP odd_total Back\\\\slash and\\nnewline.\n');
    expect(text).toContain('odd_total{path="a\\"b\\\\c\\nd"} 1\n');
    expect(parsePrometheusTextFormat(text)[0]?.metrics[0]?.labels).toEqual({ path: 'a"b\\c\nd' });
  });

  it('refuses a name twice, a bad name, a missing label value and a counter going down', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter({ name: 'x_total', help: 'x', labelNames: ['kind'] });
    expect(() => registry.gauge({ name: 'x_total', help: 'again' })).toThrow(/registered twice/);
    expect(() => registry.counter({ name: 'bad-name', help: 'x' })).toThrow(/not a metric name/);
    expect(() => registry.counter({ name: 'y_total', help: 'x', labelNames: ['__reserved'] })).toThrow(/label name/);
    expect(() => counter.inc({} as { kind: string })).toThrow(/needs a value for label "kind"/);
    expect(() => counter.inc({ kind: 'a' }, -1)).toThrow(/only goes up/);
  });
});

/**
 * Counters, gauges and histograms in memory, for the Prometheus text format
 * (exposition.ts). Label values are fixed per series: `labels()` binds them
 * once, so a hot path (a feed poll) pays one addition, no lookup.
 */
export type LabelValues<L extends string> = Record<L, string>;

export interface MetricDefinition<L extends string> {
  /** Prometheus naming: snake_case, a unit suffix (`_seconds`), `_total` for counters. */
  name: string;
  help: string;
  labelNames?: readonly L[];
}

export interface Series {
  labels: Record<string, string>;
  value: number;
}

export interface HistogramSeries {
  labels: Record<string, string>;
  /** Observations at or under each bound, not cumulative (the writer adds them up). */
  bucketCounts: number[];
  sum: number;
  count: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

abstract class Instrument<L extends string, S extends { labels: Record<string, string> }> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly L[];
  readonly #series = new Map<string, S>();

  constructor(definition: MetricDefinition<L>) {
    if (!NAME.test(definition.name)) throw new Error(`metrics: "${definition.name}" is not a metric name`);
    const bad = definition.labelNames?.find((label) => !LABEL.test(label) || label.startsWith('__'));
    if (bad !== undefined) throw new Error(`metrics: "${bad}" is not a label name (${definition.name})`);
    this.name = definition.name;
    this.help = definition.help;
    this.labelNames = definition.labelNames ?? [];
  }

  protected abstract newSeries(labels: Record<string, string>): S;

  /** The series of these label values, made on first use. */
  protected seriesFor(values: Partial<LabelValues<L>> = {}): S {
    const ordered = this.labelNames.map((label) => {
      const value = values[label];
      if (value === undefined) throw new Error(`metrics: ${this.name} needs a value for label "${label}"`);
      return value;
    });
    const key = ordered.join('\u0000');
    let series = this.#series.get(key);
    if (!series) {
      series = this.newSeries(Object.fromEntries(this.labelNames.map((label, i) => [label, ordered[i] as string])));
      this.#series.set(key, series);
    }
    return series;
  }

  /** Every series so far, in the order they were first used. */
  series(): S[] {
    return [...this.#series.values()];
  }
}

/** Only goes up (restarts reset it; Prometheus' rate() allows for that). */
export class Counter<L extends string = never> extends Instrument<L, Series> {
  protected newSeries(labels: Record<string, string>): Series {
    return { labels, value: 0 };
  }

  /** `inc()`, `inc(5)`, `inc({ status: '200' })` or `inc({ status: '200' }, 5)`. */
  inc(labelsOrBy?: LabelValues<L> | number, by = 1): void {
    if (typeof labelsOrBy === 'number') this.labels({} as LabelValues<L>).inc(labelsOrBy);
    else this.labels(labelsOrBy ?? ({} as LabelValues<L>)).inc(by);
  }

  labels(values: LabelValues<L>): { inc(by?: number): void } {
    const series = this.seriesFor(values);
    return {
      inc(by = 1) {
        if (!(by >= 0)) throw new Error('metrics: a counter only goes up');
        series.value += by;
      },
    };
  }
}

/** A value that goes up and down; `collect` (when given) sets it from its source at each scrape. */
export class Gauge<L extends string = never> extends Instrument<L, Series> {
  readonly collect: (() => Promise<void> | void) | undefined;

  constructor(definition: MetricDefinition<L> & { collect?: (gauge: Gauge<L>) => Promise<void> | void }) {
    super(definition);
    const { collect } = definition;
    this.collect = collect && (() => collect(this));
  }

  protected newSeries(labels: Record<string, string>): Series {
    return { labels, value: 0 };
  }

  set(labels: LabelValues<L>, value: number): void {
    this.seriesFor(labels).value = value;
  }
}

/** Observations counted into buckets by upper bound (`le`), with their sum and count. */
export class Histogram<L extends string = never> extends Instrument<L, HistogramSeries> {
  readonly buckets: readonly number[];

  constructor(definition: MetricDefinition<L> & { buckets: readonly number[] }) {
    super(definition);
    this.buckets = [...definition.buckets].sort((a, b) => a - b);
  }

  protected newSeries(labels: Record<string, string>): HistogramSeries {
    return { labels, bucketCounts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  observe(value: number, labels?: LabelValues<L>): void {
    const series = this.seriesFor(labels);
    const bucket = this.buckets.findIndex((bound) => value <= bound);
    if (bucket >= 0) series.bucketCounts[bucket] = (series.bucketCounts[bucket] ?? 0) + 1;
    series.sum += value;
    series.count += 1;
  }
}

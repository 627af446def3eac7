import { Counter, Gauge, Histogram, type HistogramSeries, type MetricDefinition, type Series } from './instruments.ts';

/** Prometheus text exposition format, version 0.0.4. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type AnyInstrument = Counter<string> | Gauge<string> | Histogram<string>;

/**
 * The instruments of one app, by name, and their text exposition. One registry
 * per Services (no global), so two apps in one process keep their own counts.
 */
export class MetricsRegistry {
  readonly #instruments = new Map<string, AnyInstrument>();

  counter<L extends string = never>(definition: MetricDefinition<L>): Counter<L> {
    return this.#add(new Counter(definition));
  }

  gauge<L extends string = never>(definition: ConstructorParameters<typeof Gauge<L>>[0]): Gauge<L> {
    return this.#add(new Gauge(definition));
  }

  histogram<L extends string = never>(definition: MetricDefinition<L> & { buckets: readonly number[] }): Histogram<L> {
    return this.#add(new Histogram(definition));
  }

  /** Runs every gauge's collect, then writes every instrument (https://prometheus.io/docs/instrumenting/exposition_formats/). */
  async metrics(): Promise<string> {
    const instruments = [...this.#instruments.values()];
    await Promise.all(instruments.map((i) => (i instanceof Gauge ? i.collect?.() : undefined)));
    return instruments.map(writeFamily).join('');
  }

  #add<T extends AnyInstrument>(instrument: T): T {
    if (this.#instruments.has(instrument.name)) throw new Error(`metrics: ${instrument.name} is registered twice`);
    this.#instruments.set(instrument.name, instrument);
    return instrument;
  }
}

function writeFamily(instrument: AnyInstrument): string {
  const type = instrument instanceof Counter ? 'counter' : instrument instanceof Gauge ? 'gauge' : 'histogram';
  let out = `# HELP ${instrument.name} ${escapeHelp(instrument.help)}\n# TYPE ${instrument.name} ${type}\n`;
  if (instrument instanceof Histogram) {
    for (const series of instrument.series()) out += writeHistogram(instrument.name, instrument.buckets, series);
  } else {
    for (const series of instrument.series() as Series[]) {
      out += `${instrument.name}${writeLabels(series.labels)} ${formatValue(series.value)}\n`;
    }
  }
  return out;
}

/** Cumulative `_bucket{le}` lines, `+Inf` last, then `_sum` and `_count`. */
function writeHistogram(name: string, bounds: readonly number[], series: HistogramSeries): string {
  let out = '';
  let cumulative = 0;
  bounds.forEach((bound, i) => {
    cumulative += series.bucketCounts[i] ?? 0;
    out += `${name}_bucket${writeLabels({ ...series.labels, le: formatValue(bound) })} ${cumulative}\n`;
  });
  out += `${name}_bucket${writeLabels({ ...series.labels, le: '+Inf' })} ${series.count}\n`;
  out += `${name}_sum${writeLabels(series.labels)} ${formatValue(series.sum)}\n`;
  return `${out}${name}_count${writeLabels(series.labels)} ${series.count}\n`;
}

function writeLabels(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

// The format escapes backslash and newline in HELP, and also the double quote in label values.
const escapeHelp = (text: string) => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const escapeLabelValue = (text: string) => escapeHelp(text).replace(/"/g, '\\"');

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

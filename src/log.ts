/**
 * A small injected logger: one JSON line per event, a short sentence plus
 * snake_case fields. Entries create it; everything else receives it.
 */
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

type Level = keyof Logger;
const LEVELS: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
  minLevel: Level | 'silent' = 'info',
  write: (line: string) => void = (line) => console.log(line),
): Logger {
  const at =
    (level: Level) =>
    (message: string, fields: LogFields = {}) => {
      if (LEVELS[level] < LEVELS[minLevel]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...serializeErrors(fields) }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that drops everything, for tests and benchmarks. */
export const silentLogger: Logger = createLogger('silent');

function serializeErrors(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

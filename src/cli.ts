/**
 * CLI entry: `npm run cli -- <command> [options]`. Opens the same Node adapters
 * as the server (database, feeds folder, guarded fetch), runs one command from
 * cli/commands.ts, and turns what went wrong into one line and an exit code.
 */
import { openNodeAdapters } from './adapters/node/node-adapters.ts';
import { createServices } from './app/create-services.ts';
import { commands, usage } from './cli/commands.ts';
import { UsageError } from './cli/usage-error.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DomainError } from './domain/errors.ts';
import { createLogger, type Logger } from './log.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);
const HELP = ['help', '--help', '-h'];

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (name === undefined || HELP.includes(name)) {
    const asked = args[0] === undefined ? undefined : commands[args[0]];
    print(asked ? `usage: npm run cli -- ${asked.usage}` : usage());
    return;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  if (args.some((arg) => HELP.includes(arg))) {
    print(`usage: npm run cli -- ${command.usage}`);
    return;
  }
  // A command is one short job: starting worker threads would cost more than they save.
  const config = { ...loadConfig(process.env), workerThreads: 0 };
  const log = createCliLogger(config.logLevel, command.reports ?? []);
  const services = createServices(config, await openNodeAdapters(config, log), { log });
  try {
    await command.run(services, args, print);
  } finally {
    await services.close();
  }
}

/**
 * Log lines go to stderr, so stdout holds only the command's own lines; `info` is quieted to
 * `warn` (a command prints its progress itself), and the events the command reports itself
 * are dropped rather than told twice.
 */
function createCliLogger(level: Parameters<typeof createLogger>[0], reported: string[]): Logger {
  const logger = createLogger(level === 'info' ? 'warn' : level, (line) => process.stderr.write(`${line}\n`));
  const unlessReported =
    (write: Logger['warn']): Logger['warn'] =>
    (message, fields) => {
      if (!reported.includes(message)) write(message, fields);
    };
  return {
    debug: logger.debug,
    info: logger.info,
    warn: unlessReported(logger.warn),
    error: unlessReported(logger.error),
  };
}

/**
 * Exit codes: 1 for input the command could not use, 2 for a command line it does not
 * understand. A user error is one line naming what failed; only a bug shows a stack.
 */
main(process.argv.slice(2)).catch((error: Error) => {
  const isUserError = error instanceof ConfigError || error instanceof UsageError || error instanceof DomainError;
  process.stderr.write(`tidings: ${isUserError ? error.message : error.stack}\n`);
  if (error instanceof UsageError) process.stderr.write(`${usage()}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});

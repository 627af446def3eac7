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
import { createLogger } from './log.ts';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    print(usage());
    process.exitCode = name && name !== 'help' ? 2 : 0;
    return;
  }
  // A command is one short job: starting worker threads would cost more than they save.
  const config = { ...loadConfig(process.env), workerThreads: 0 };
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const services = createServices(config, await openNodeAdapters(config, log), { log });
  try {
    await command.run(services, args, print);
  } finally {
    await services.close();
  }
}

/** Exit codes: 1 for input the command could not use, 2 for a command line it does not understand. */
main(process.argv.slice(2)).catch((error: Error) => {
  const isUserError = error instanceof ConfigError || error instanceof UsageError || error instanceof DomainError;
  process.stderr.write(`tidings: ${isUserError ? error.message : error.stack}\n`);
  if (error instanceof UsageError) process.stderr.write(`${usage()}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});

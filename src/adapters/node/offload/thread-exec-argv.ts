/**
 * A thread starts without the parent's module hooks unless its execArgv brings them: under
 * `tsx` (npm start) process.execArgv already does; under another runner (vitest), tsx is added.
 */
export function typeScriptExecArgv(): string[] {
  const argv = process.execArgv;
  return argv.some((arg) => arg.includes('tsx')) ? argv : [...argv, '--import', 'tsx'];
}

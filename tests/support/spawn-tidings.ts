import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A port nothing listens on right now, for a server the test starts as a child process. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

/**
 * Starts `command` with `env` on top of this process's environment and waits until its output
 * contains `readyText`, it exits, or `timeoutMs` passes (the test's assertions then say which).
 */
export async function spawnUntil(
  command: string,
  args: string[],
  env: Record<string, string>,
  readyText: string,
  timeoutMs: number,
): Promise<SpawnedProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const deadline = Date.now() + timeoutMs;
  while (!output.includes(readyText) && Date.now() < deadline && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, output: () => output };
}

/** @module sandbox/main — `agentscore sandbox`: serve one sandbox until SIGINT/SIGTERM. */
import { type SandboxAuth, startSandbox } from './start-sandbox.ts';

export interface SandboxMainArgs {
  profile?: string;
  port?: number;
  host?: string;
  auth?: SandboxAuth;
  basePath?: string;
}

/** Starts the sandbox, prints a human line and a JSON `ready` event, resolves 0 after a clean shutdown (2 on bad input). */
export async function sandboxMain(args: SandboxMainArgs): Promise<number> {
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox(args);
  } catch (error) {
    process.stderr.write(`agentscore sandbox: ${(error as Error).message}\n`);
    return 2;
  }
  const { url, apiBaseUrl, profile } = sandbox;
  process.stdout.write(
    `agentscore sandbox: profile=${profile.name} listening on ${url} · base URL for clients: ${apiBaseUrl}\n`,
  );
  process.stdout.write(
    `${JSON.stringify({ event: 'ready', url, baseUrl: apiBaseUrl, profile: profile.name })}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  return 0;
}

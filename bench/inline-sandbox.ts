/** @module bench/inline-sandbox — child process: serve the sandbox with an inline profile (argv[2], JSON) until SIGTERM. */
import { type SandboxProfileInput, startSandbox } from '../src/sandbox/start-sandbox.ts';

const profile = JSON.parse(process.argv[2] ?? '{}') as SandboxProfileInput;
const sandbox = await startSandbox({ profile, port: 0 });
process.stdout.write(
  `${JSON.stringify({ event: 'ready', url: sandbox.url, profile: sandbox.profile.name })}\n`,
);
await new Promise<void>((resolve) => {
  process.once('SIGTERM', resolve);
  process.once('SIGINT', resolve);
});
await sandbox.close();

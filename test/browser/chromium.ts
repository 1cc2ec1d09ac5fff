/** @module The system Chromium the browser tests drive (Debian's package, never a downloaded build). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Headless, and quiet: this machine's network is closed, so no background or component traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/**
 * Throws when CI requires the browser (AGENTSCORE_REQUIRE_BROWSER=1) and it is missing, so the test
 * can never skip there; elsewhere says once why it skips. Returns whether to run.
 */
export function browserAvailable(what: string): boolean {
  if (!HAS_CHROMIUM && process.env.AGENTSCORE_REQUIRE_BROWSER === '1')
    throw new Error(`AGENTSCORE_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install -y chromium`);
  if (!HAS_CHROMIUM) console.warn(`Chromium not installed: apt-get install -y chromium; skipping ${what}.`);
  return HAS_CHROMIUM;
}

/** A fresh profile directory under `workDir`, viewport as given. */
export function launchChromium(
  workDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport,
  });
}

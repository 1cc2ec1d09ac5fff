/**
 * @module The host a run actually contacts and what it resolves to: a data-residency hint for the
 * DPO (a regional SDK setting can still land on the global host), never proof of where data is processed.
 */
import { lookup } from 'node:dns/promises';
import type { ContactedHost } from '../spec/scorecard.ts';

export async function resolveContactedHost(baseUrl: string, timeoutMs = 2000): Promise<ContactedHost> {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('lookup timed out')), timeoutMs);
  });
  try {
    const found = await Promise.race([lookup(host, { all: true }), timeout]);
    return { host, addresses: [...new Set(found.map((entry) => entry.address))].sort() };
  } catch {
    return { host, addresses: [] };
  } finally {
    clearTimeout(timer);
  }
}

/** @module TLS handshakes with node:tls: whether a protocol version is accepted, and what the certificate says. */
import { isIP } from 'node:net';
import {
  type ConnectionOptions,
  checkServerIdentity,
  connect,
  type SecureVersion,
  type TLSSocket,
} from 'node:tls';

export const TLS_VERSIONS: readonly SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** OpenSSL 3 refuses TLS 1.0/1.1 on the client side by default; lowering the level lets us see what the server accepts. */
const LEGACY_CIPHERS = 'DEFAULT:@SECLEVEL=0';

export interface HandshakeTarget {
  host: string;
  port: number;
  timeoutMs: number;
  /** Extra trust anchors (tests with a self-signed certificate); the system roots otherwise. */
  ca?: string | Buffer;
}

export type HandshakeResult = { ok: true; socket: TLSSocket } | { ok: false; code: string; message: string };

/** Opens a TLS connection; the caller must destroy `socket` when ok. */
export function handshake(target: HandshakeTarget, extra: ConnectionOptions = {}): Promise<HandshakeResult> {
  return new Promise((resolve) => {
    const socket = connect({
      host: target.host,
      port: target.port,
      ...(isIP(target.host) ? {} : { servername: target.host }),
      ...(target.ca === undefined ? {} : { ca: target.ca }),
      // We judge the certificate ourselves from `authorized`, so the handshake completes either way.
      rejectUnauthorized: false,
      ...extra,
    });
    const finish = (result: HandshakeResult) => {
      socket.setTimeout(0);
      resolve(result);
    };
    socket.setTimeout(target.timeoutMs, () => {
      socket.destroy();
      finish({ ok: false, code: 'ETIMEDOUT', message: `no TLS handshake within ${target.timeoutMs} ms` });
    });
    socket.once('secureConnect', () => finish({ ok: true, socket }));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      finish({ ok: false, code: error.code ?? 'ERR_TLS', message: error.message });
    });
  });
}

/** Whether the server completes a handshake pinned to exactly `version`. */
export async function acceptsVersion(
  target: HandshakeTarget,
  version: SecureVersion,
): Promise<HandshakeResult> {
  const legacy = version === 'TLSv1' || version === 'TLSv1.1';
  const result = await handshake(target, {
    minVersion: version,
    maxVersion: version,
    ...(legacy ? { ciphers: LEGACY_CIPHERS } : {}),
  });
  if (result.ok) result.socket.destroy();
  return result;
}

export interface CertificateReport {
  valid: boolean;
  daysLeft: number | null;
  subjectAltNames: string[];
  error?: string;
}

const DAY_MS = 86_400_000;

/** Chain trust, host name match and expiry of the certificate the server presents. */
export async function inspectCertificate(
  target: HandshakeTarget,
  nowMs: number,
): Promise<CertificateReport | HandshakeResult> {
  const result = await handshake(target);
  if (!result.ok) return result;
  const { socket } = result;
  try {
    const certificate = socket.getPeerCertificate();
    const validTo = Date.parse(certificate.valid_to ?? '');
    const daysLeft = Number.isFinite(validTo) ? Math.floor((validTo - nowMs) / DAY_MS) : null;
    const subjectAltNames = (certificate.subjectaltname ?? '').split(/,\s*/).filter(Boolean);
    const identityError = checkServerIdentity(target.host, certificate);
    const problems = [
      socket.authorized ? null : `not trusted: ${String(socket.authorizationError ?? 'unknown reason')}`,
      identityError ? `host mismatch: ${identityError.message}` : null,
      daysLeft === null || daysLeft < 0 ? 'expired or unreadable expiry' : null,
    ].filter((problem): problem is string => problem !== null);
    return {
      valid: problems.length === 0,
      daysLeft,
      subjectAltNames,
      ...(problems.length > 0 ? { error: problems.join('; ') } : {}),
    };
  } finally {
    socket.destroy();
  }
}

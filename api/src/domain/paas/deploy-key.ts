import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Per-app ssh deploy keys: ed25519 from node:crypto, written in OpenSSH's own formats. The private
 * key format (`openssh-key-v1`, unencrypted, OpenSSH's PROTOCOL.key) is a few length-prefixed
 * fields, so it is written here instead of pulling in an ssh library for one function; the unit
 * test proves `ssh-keygen -y` reads it back to the same public key.
 */
export interface DeployKey {
  /** `ssh-ed25519 AAAA… omervision-<slug>`: what the admin pastes into the git host. */
  publicKey: string;
  /** `-----BEGIN OPENSSH PRIVATE KEY-----…`: sealed at rest, written to a 0600 file for a clone only. */
  privateKey: string;
  /** `SHA256:…`, as `ssh-keygen -lf` and the git hosts show it. */
  fingerprint: string;
}

const KEY_TYPE = 'ssh-ed25519';

export function generateDeployKey(comment: string): DeployKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const blob = publicBlob(pub);
  return {
    publicKey: `${KEY_TYPE} ${blob.toString('base64')} ${comment}`,
    privateKey: openSshPrivateKey(blob, pub, seed, comment),
    fingerprint: fingerprintOf(blob),
  };
}

/** The deploy key's comment: names the installation's app, so a git host's key list says what it is for. */
export function deployKeyComment(slug: string): string {
  return `omervision-${slug}`;
}

/** `SHA256:<base64, no padding>` of an ssh public key blob. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The fingerprint of an `<type> <base64> [comment]` public key (or a known_hosts line's last fields). */
export function publicKeyFingerprint(line: string): string | null {
  const b64 = line.trim().split(/\s+/)[1];
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  return fingerprintOf(Buffer.from(b64, 'base64'));
}

function publicBlob(pub: Buffer): Buffer {
  return Buffer.concat([sshString(KEY_TYPE), sshString(pub)]);
}

function openSshPrivateKey(blob: Buffer, pub: Buffer, seed: Buffer, comment: string): string {
  const check = randomBytes(4);
  let secret = Buffer.concat([
    check,
    check,
    sshString(KEY_TYPE),
    sshString(pub),
    sshString(Buffer.concat([seed, pub])),
    sshString(comment),
  ]);
  // Padded with 1, 2, 3… to the cipher block size (8 for "none").
  const pad = (8 - (secret.length % 8)) % 8;
  secret = Buffer.concat([secret, Buffer.from(Array.from({ length: pad }, (_, i) => i + 1))]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    sshString('none'),
    sshString('none'),
    sshString(''),
    uint32(1),
    sshString(blob),
    sshString(secret),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g)!;
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

function sshString(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([uint32(bytes.length), bytes]);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

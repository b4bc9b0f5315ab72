import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * An uploaded file kept on the server between the steps of a mapped import (suggest, preview,
 * import), so the staff member chooses it once and a refused form need not ask for it again.
 * It is named by a random token (never by anything the browser sent), bound to the user and
 * municipality that uploaded it, removed after the import or an hour, and readable by the
 * server's own user only.
 */
export interface KeptUpload {
  token: string;
  /** The name the browser gave (display only). */
  name: string;
  /** Where the kept file is: readers stream it from disk, never holding it whole. */
  path: string;
}

interface Owner {
  userId: number;
  municipalityCode: string;
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const LIFETIME_MS = 60 * 60 * 1000;

export function keptUploadsDir(): string {
  return join(tmpdir(), 'sousei-kept-uploads');
}

async function dir(): Promise<string> {
  const path = keptUploadsDir();
  await mkdir(path, { recursive: true, mode: 0o700 });
  return path;
}

/** Removes kept files older than their lifetime (a form left half-way). */
async function sweep(path: string, now: number) {
  for (const name of await readdir(path)) {
    const file = join(path, name);
    const info = await stat(file).catch(() => null);
    if (info && now - info.mtimeMs > LIFETIME_MS) await rm(file, { force: true });
  }
}

export async function keepUpload(
  owner: Owner,
  file: { path: string; name: string },
): Promise<string> {
  const path = await dir();
  await sweep(path, Date.now());
  const token = randomBytes(24).toString('base64url');
  await copyFile(file.path, join(path, token));
  await writeFile(join(path, `${token}.json`), JSON.stringify({ ...owner, name: file.name }), {
    mode: 0o600,
  });
  return token;
}

/** The kept file of this token, if it exists, is fresh and belongs to this user and city. */
export async function findKeptUpload(owner: Owner, token: string): Promise<KeptUpload | null> {
  if (!TOKEN.test(token)) return null;
  const path = await dir();
  try {
    const info = await stat(join(path, token));
    if (Date.now() - info.mtimeMs > LIFETIME_MS) return null;
    const meta = JSON.parse(await readFile(join(path, `${token}.json`), 'utf8'));
    if (meta.userId !== owner.userId || meta.municipalityCode !== owner.municipalityCode)
      return null;
    return {
      token,
      name: String(meta.name),
      path: join(path, token),
    };
  } catch {
    return null;
  }
}

export async function discardKeptUpload(token: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  const path = await dir();
  await rm(join(path, token), { force: true });
  await rm(join(path, `${token}.json`), { force: true });
}

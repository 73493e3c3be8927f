// node:fs, not node:fs/promises: reads are synchronous (a CLI has nothing else to do meanwhile) and
// fs.promises, which loads a good part of Node's stream machinery, is touched only when writing files.
import * as fs from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatBytes } from '../engine/labels.js';
import { inputError, usageError } from '../errors.js';
import { decodeText } from './decode.js';
import { shippedKbFileNames } from '../kb/shipped-files.js';

/** Every file, stdin and stdout access of mqselect goes through here. */
export const LIMITS = {
  /** A requirements document is a few KB; anything near this is not one. */
  requirementsBytes: 1024 * 1024,
  kbFileBytes: 4 * 1024 * 1024,
} as const;

export const STDIN_NAME = '<stdin>';

/**
 * The one reader of user input: files, stdin ("-"), FIFOs, process substitutions and devices. The size
 * limit holds while reading, not only by a file's size (which /dev/zero, <(yes) or a FIFO do not have),
 * and the bytes must be UTF-8 text (see decode.ts).
 */
export async function readInput(path: string, limit: number): Promise<{ file: string; text: string }> {
  const file = path === '-' ? STDIN_NAME : path;
  return { file, text: decodeText(await readBytes(path, limit), file) };
}

async function readBytes(path: string, limit: number): Promise<Buffer> {
  if (path === '-') {
    if (process.stdin.isTTY)
      throw usageError(
        'reading requirements from stdin ("-"), but stdin is a terminal: pipe a file in, e.g. mqselect recommend ' +
          '- < reqs.yaml',
      );
    return readStream(process.stdin, limit, STDIN_NAME);
  }
  try {
    const info = fs.statSync(path);
    if (info.isDirectory()) throw inputError('is a directory, expected a file', { file: path });
    if (!info.isFile()) {
      // A FIFO, a device or a socket: read asynchronously, so Ctrl-C still works while it waits for data.
      return await readStream(fs.createReadStream(path), limit, path);
    }
    if (info.size > limit)
      throw inputError(`file is ${formatBytes(info.size)}, over the ${formatBytes(limit)} limit`, { file: path });
    const bytes = fs.readFileSync(path);
    if (bytes.length > limit) throw inputError(`file is over the ${formatBytes(limit)} limit`, { file: path });
    return bytes;
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? 'unknown error'})`,
      { file: path },
    );
  }
}

/** Reads a stream up to the limit; one byte more and it stops reading and refuses the input. */
async function readStream(
  stream: NodeJS.ReadableStream & { destroy(): void },
  limit: number,
  file: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > limit) throw inputError(`input is over the ${formatBytes(limit)} limit`, { file });
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if ((error as { kind?: string }).kind) throw error;
    throw inputError(`cannot read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`, { file });
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

export async function sha256(text: string): Promise<string> {
  // Loaded on demand: only --kb files are hashed, and node:crypto costs start-up time.
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

/** The package root: dist/ and src/cli/ both sit two levels or fewer below it. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (dir.endsWith('dist') || dir.endsWith(join('src', 'cli')))
      return dir.endsWith('dist') ? dirname(dir) : dirname(dirname(dir));
    dir = dirname(dir);
  }
  return process.cwd();
}

export async function shippedKbFiles(): Promise<string[]> {
  const data = join(packageRoot(), 'data');
  return shippedKbFileNames(fs.readdirSync(join(data, 'brokers'))).map(
    (f) => relative(process.cwd(), join(data, f)) || f,
  );
}

/**
 * That a file can be written later (before an interactive session spends the user's time): its folder
 * exists and takes a new file (tried, not guessed from permissions: root, read-only mounts), and it is
 * not a folder itself. Returns whether the file exists already.
 */
export function checkWritableFile(path: string, option: string): boolean {
  const info = statOrUndefined(path);
  if (info?.isDirectory()) throw usageError(`${option} ${path}: is a folder; give a file name`);
  const dir = dirname(resolve(path));
  const folder = statOrUndefined(dir);
  if (!folder) throw usageError(`${option} ${path}: the folder ${dirname(path)} does not exist`);
  if (!folder.isDirectory()) throw usageError(`${option} ${path}: ${dirname(path)} is not a folder`);
  probeWrite(dir, `${option} ${path}`);
  return info !== undefined;
}

/** That a folder exists and takes new files, or can be created (its nearest existing parent takes new entries). */
export function checkWritableFolder(path: string, option: string): void {
  const { dir } = nearestExisting(path);
  const info = statOrUndefined(dir);
  if (info && !info.isDirectory())
    throw usageError(
      `${option} ${path}: ${dir === resolve(path) ? 'is a file, not a folder' : `${dir} is a file, not a folder`}`,
    );
  probeWrite(dir, `${option} ${path}`);
}

/**
 * `mkdir -p` that always ends: Node's recursive mkdir retries forever where a parent exists but refuses new
 * entries with ENOENT (under /proc, or a dangling symlink), so each missing level is made on its own.
 */
export function makeDirectory(path: string): void {
  for (const level of nearestExisting(path).missing) {
    try {
      fs.mkdirSync(level);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * The nearest existing folder of a path (itself or a parent), and the levels below it that do not exist, outermost
 * first.
 */
function nearestExisting(path: string): { dir: string; missing: string[] } {
  const missing: string[] = [];
  let dir = resolve(path);
  while (!statOrUndefined(dir) && dirname(dir) !== dir) {
    missing.unshift(dir);
    dir = dirname(dir);
  }
  return { dir, missing };
}

function statOrUndefined(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}

function probeWrite(dir: string, what: string): void {
  const probe = join(dir, `.mqselect-probe-${process.pid}`);
  try {
    fs.closeSync(fs.openSync(probe, 'wx'));
    fs.unlinkSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EROFS'
          ? 'read-only file system'
          : (code ?? 'error');
    throw usageError(`${what}: cannot write in ${dir} (${reason})`);
  }
}

/**
 * Writes a new file without ever replacing what the user has: written to a temporary name, then
 * renamed; an existing target is refused unless `force`.
 */
export async function writeFileAtomic(path: string, text: string, force: boolean): Promise<void> {
  if (!force) {
    try {
      await fs.promises.stat(path);
      throw usageError('already exists (use --force to replace it)', { file: path });
    } catch (error) {
      if ((error as { kind?: string }).kind) throw error;
    }
  }
  const temp = join(dirname(path), `.${Date.now()}-${process.pid}.mqselect.tmp`);
  try {
    const handle = await fs.promises.open(
      temp,
      fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY,
      0o644,
    );
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (force) await fs.promises.rename(temp, path);
    else {
      // link() fails if the target appeared meanwhile (another process): no window in which we could clobber it.
      await fs.promises.link(temp, path);
      await fs.promises.unlink(temp);
    }
  } catch (error) {
    await fs.promises.unlink(temp).catch(() => undefined);
    if ((error as { kind?: string }).kind) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw usageError('already exists (use --force to replace it)', { file: path });
    throw inputError(`cannot write (${code ?? 'error'})`, { file: path });
  }
}

/** A command's output: stdout, or with --output FILE a file written atomically (then its path is printed). */
export async function writeOutput(text: string, output: string | undefined, force: boolean): Promise<void> {
  if (output === undefined || output === '-') return writeStdout(text);
  await writeFileAtomic(output, text.endsWith('\n') ? text : `${text}\n`, force);
  writeStdout(output);
}

export function writeStdout(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function writeStderr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

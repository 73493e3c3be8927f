import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleKnowledgeBase } from '../src/kb/load.js';
import { shippedKbFileNames } from '../src/kb/shipped-files.js';
import type { KnowledgeBase } from '../src/kb/schema.js';
import { parseRequirementsText } from '../src/requirements/parse.js';
import type { Requirements } from '../src/requirements/schema.js';

export const ROOT = join(import.meta.dirname, '..');
export const CLI = join(ROOT, 'dist', 'mqselect.js');
export const EXAMPLES = join(ROOT, 'examples');

export function shippedSources() {
  const data = join(ROOT, 'data');
  const files = shippedKbFileNames(readdirSync(join(data, 'brokers')));
  return files.map((f) => ({
    file: join('data', f),
    text: readFileSync(join(data, f), 'utf8'),
    layer: 'shipped' as const,
  }));
}

let cached: KnowledgeBase | undefined;
export async function shippedKb(): Promise<KnowledgeBase> {
  return (cached ??= (await assembleKnowledgeBase(shippedSources())).kb);
}

export async function example(name: string): Promise<Requirements> {
  return parseRequirementsText(readFileSync(join(EXAMPLES, name), 'utf8'), name);
}

export async function requirements(text: string): Promise<Requirements> {
  return parseRequirementsText(text, 'inline.yaml');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the built CLI, as a user or script would. `stdin`, `stdout`, `stderr` may be file descriptors
 * (e.g. one opened on /dev/full) instead of pipes; what goes to a descriptor is not captured.
 */
export function runCli(
  args: string[],
  options: {
    input?: string;
    env?: Record<string, string>;
    cwd?: string;
    stdin?: number;
    stdout?: number;
    stderr?: number;
    timeoutMs?: number;
  } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: [options.stdin ?? 'pipe', options.stdout ?? 'pipe', options.stderr ?? 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    const timer =
      options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code: signal === 'SIGKILL' ? null : code, stdout, stderr });
    });
    child.stdin?.end(options.input ?? '');
  });
}

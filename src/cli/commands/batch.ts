import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { recommend, recommendSummary, type RecommendOptions } from '../../engine/recommend.js';
import { EXIT, MqselectError, inputError, type ExitCode } from '../../errors.js';
import { loadRequirementsSchema, parseRequirementsRecord } from '../../requirements/parse.js';
import { LIMITS, STDIN_NAME } from '../io.js';
import { parseCount, parseWeightOverrides } from '../options.js';
import { splitRecords } from '../records.js';
import { failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { checkExperience, parseSetOptions } from './recommend.js';

export interface BatchFlags {
  kb: string[];
  weight: string[];
  set: string[];
  sensitivity: boolean;
  robustness: string;
  seed: string;
  /** summary (default): the answer without explanation text; full: the whole single-file result. */
  detail: 'summary' | 'full';
}

/**
 * `recommend --batch FILE|-`: a JSON array or NDJSON of requirement objects in, one NDJSON line per
 * record out, in input order: {"index":N,"result":{…}} or {"index":N,"error":{"path":…,"message":…}}.
 * A result is the batch summary (`mqselect schema batch`) or, with --detail full, the full result.
 * Invalid records do not stop the run; the exit code is 2 at the end if there was any.
 */
export async function runBatch(path: string, flags: BatchFlags): Promise<ExitCode> {
  const overrides = parseWeightOverrides(flags.weight);
  const assignments = await parseSetOptions(flags.set);
  // Loaded once up front: records the compiled validator does not pass go to zod, synchronously.
  const schema = await loadRequirementsSchema();
  const sensitivity =
    flags.sensitivity === true
      ? {
          robustnessSamples: parseCount('--robustness', flags.robustness, 1_000_000),
          seed: parseCount('--seed', flags.seed, 2 ** 32 - 1),
        }
      : false;
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { kb } = assembled;
  const file = path === '-' ? STDIN_NAME : path;
  const input = await openInput(path);
  const output = new LineWriter(process.stdout);
  const progress = process.stderr.isTTY ? new Progress() : undefined;
  let index = 0;
  let invalid = 0;
  // The answers so far are written even when the input turns out unreadable half-way (not UTF-8, say).
  try {
    for await (const raw of splitRecords(input, LIMITS.requirementsBytes, file)) {
      const i = index++;
      if ('error' in raw) {
        invalid++;
        if (output.line(errorLine(i, null, raw.error))) await output.flush();
        continue;
      }
      try {
        const requirements = parseRequirementsRecord(raw.text, `${file}[${i}]`, schema, assignments);
        checkExperience(requirements, kb, `${file}[${i}]`);
        const options: RecommendOptions = { weightOverrides: overrides, sensitivity };
        const result =
          flags.detail === 'full' ? recommend(requirements, kb, options) : recommendSummary(requirements, kb, options);
        const title = requirements.title === undefined ? '' : `"title":${JSON.stringify(requirements.title)},`;
        if (output.line(`{"index":${i},${title}"result":${JSON.stringify(result)}}`)) await output.flush();
      } catch (error) {
        if (!(error instanceof MqselectError) || error.kind !== 'input') throw error;
        invalid++;
        if (output.line(errorLine(i, error.location.path ?? null, error.message))) await output.flush();
      }
      progress?.tick(index, invalid);
    }
  } finally {
    await output.flush();
  }
  progress?.done(index, invalid);
  return invalid > 0 ? EXIT.usage : EXIT.ok;
}

function errorLine(index: number, path: string | null, message: string): string {
  return JSON.stringify({ index, error: { path, message } });
}

async function openInput(path: string): Promise<AsyncIterable<Buffer | string>> {
  if (path === '-') {
    if (process.stdin.isTTY)
      throw inputError(
        '--batch -: stdin is a terminal; pipe records in, e.g. mqselect recommend --batch - < scenarios.ndjson',
      );
    return process.stdin;
  }
  try {
    if ((await stat(path)).isDirectory()) throw inputError('is a directory, expected a file', { file: path });
  } catch (error) {
    if (error instanceof MqselectError) throw error;
    throw inputError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read', {
      file: path,
    });
  }
  return createReadStream(path, { highWaterMark: 256 * 1024 });
}

/**
 * Buffers output lines and respects back-pressure, so a slow reader never makes memory grow. What is
 * buffered is also written as soon as the run waits for input (a setImmediate runs only then: records of
 * one chunk are answered without yielding to I/O), so `--batch -` answers each record of a slow producer
 * at once, while a fast one still gets large writes.
 */
class LineWriter {
  private buffer: string[] = [];
  private size = 0;
  private idle: NodeJS.Immediate | undefined;
  constructor(private readonly stream: NodeJS.WriteStream) {}
  /** Queues a line; true when the buffer is full and should be flushed. */
  line(text: string): boolean {
    this.buffer.push(text);
    this.size += text.length + 1;
    this.idle ??= setImmediate(() => {
      this.idle = undefined;
      void this.flush();
    });
    return this.size >= 256 * 1024;
  }
  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const text = `${this.buffer.join('\n')}\n`;
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}

/** A progress line on stderr, only when stderr is a terminal, at most ten times a second. */
class Progress {
  private last = 0;
  tick(done: number, invalid: number): void {
    const now = performance.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r${done} records, ${invalid} invalid`);
  }
  done(done: number, invalid: number): void {
    process.stderr.write(`\r${done} records, ${invalid} invalid\n`);
  }
}

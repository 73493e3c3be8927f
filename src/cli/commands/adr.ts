import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAdr } from '../../adr/decision.js';
import { isRetired, parseAdr, withStatus } from '../../adr/parse.js';
import { recommend } from '../../engine/recommend.js';
import type { Result } from '../../engine/types.js';
import type { Requirements } from '../../requirements/schema.js';
import type { Criterion } from '../../requirements/vocabulary.js';
import { EXIT, inputError, usageError, type ExitCode } from '../../errors.js';
import { RENDERERS } from '../../render/index.js';
import { PLAIN } from '../../render/style.js';
import type { KnowledgeBase } from '../../kb/schema.js';
import { LIMITS, makeDirectory, readInput, writeFileAtomic, writeStdout } from '../io.js';
import { parseCount, parseWeightOverrides } from '../options.js';
import { recordBase, recordedPath } from '../repository.js';
import { VERSION } from '../version.js';
import { loadInputs } from './recommend.js';

export interface AdrNewFlags {
  dir: string;
  title?: string;
  status: 'proposed' | 'accepted';
  date?: string;
  kb: string[];
  weight: string[];
  set: string[];
  decisionMakers: string[];
  consulted: string[];
  informed: string[];
  choose?: string;
  because?: string;
  supersedes?: string;
  robustness: string;
  seed: string;
  /** Also write the HTML report beside the ADR (same base name, .html). */
  html?: boolean;
}

const ADR_FILE = /^(\d{4})-[^/]*\.md$/;

/** `adr new`: requirements -> recommendation -> a new MADR 4 file, never overwriting anything. */
export async function runAdrNew(path: string, flags: AdrNewFlags, today: () => string): Promise<ExitCode> {
  if ((flags.choose === undefined) !== (flags.because === undefined))
    throw usageError('--choose BROKER and --because TEXT go together');
  if (flags.title !== undefined && flags.title.trim() === '') throw usageError('--title: the title is empty');
  if (flags.because !== undefined && flags.because.trim() === '') throw usageError('--because: the reason is empty');
  const date = flags.date ?? today();
  if (!isDate(date)) throw usageError(`--date: expected a real date YYYY-MM-DD (got "${date}")`);
  const overrides = parseWeightOverrides(flags.weight);
  const { kb, requirements } = await loadInputs(path, flags);
  const sensitivity = {
    robustnessSamples: parseCount('--robustness', flags.robustness, 1_000_000),
    seed: parseCount('--seed', flags.seed, 2 ** 32 - 1),
  };
  const result = recommend(requirements, kb, { weightOverrides: overrides, sensitivity });
  if (!result.recommendation) {
    // The answer is negative: show why on stdout (as recommend does), say in one line that nothing was written.
    writeStdout((await RENDERERS.table())(result, { style: PLAIN, explain: false }));
    process.stderr.write('mqselect: no broker meets the hard constraints, so no ADR was written\n');
    return EXIT.negative;
  }
  const report = flags.html ? (await RENDERERS.html())(result, { style: PLAIN, explain: false }) : undefined;
  const target = await writeAdrFor(requirements, kb, result, flags.dir, date, {
    ...flags,
    overrides,
    ...(report !== undefined ? { report } : {}),
  });
  writeStdout(report !== undefined ? `${target}\n${reportPath(target)}` : target);
  return EXIT.ok;
}

export type AdrWriteOptions = Partial<Pick<AdrNewFlags, 'title' | 'choose' | 'because' | 'supersedes'>> &
  Partial<Pick<AdrNewFlags, 'status' | 'decisionMakers' | 'consulted' | 'informed'>> & {
    overrides?: Partial<Record<Criterion, number>>;
    /** The HTML report, written beside the ADR (reportPath) before it: neither is written if it cannot be. */
    report?: string;
  };

/** Where `adr new --html` puts the report: beside the ADR, same base name. */
const reportPath = (adrPath: string): string => adrPath.replace(/\.md$/, '.html');

/** Writes the next NNNN-title.md in `dir` for a computed result; returns its path. Shared with `ask --adr`. */
export async function writeAdrFor(
  requirements: Requirements,
  kb: KnowledgeBase,
  result: Result,
  dir: string,
  date: string,
  options: AdrWriteOptions = {},
): Promise<string> {
  if (!result.recommendation) throw usageError('no broker meets the hard constraints, so no ADR can be written');
  // Broker ids are lower case; "Kafka" means kafka.
  const choose = options.choose?.toLowerCase();
  const decided = choose === undefined ? result.ranking[0]! : result.ranking.find((r) => r.broker === choose);
  if (!decided) {
    const eliminated = result.eliminated.find((e) => e.broker === choose);
    throw usageError(
      eliminated
        ? `--choose ${options.choose}: it is eliminated by a hard constraint (${eliminated.reasons.join('; ')})`
        : `--choose: unknown broker "${options.choose}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`,
    );
  }
  let existing: string[];
  try {
    makeDirectory(dir);
    existing = (await readdir(dir)).filter((f) => ADR_FILE.test(f)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason: Record<string, string> = {
      EEXIST: 'not a directory',
      ENOTDIR: 'not a directory',
      ENOENT: 'cannot create this folder: its parent takes no new entries (ENOENT)',
      EACCES: 'cannot use this folder (permission denied)',
    };
    throw inputError(reason[code ?? ''] ?? `cannot use this folder (${code ?? 'error'})`, { file: dir });
  }
  const next = String(Math.max(0, ...existing.map((f) => Number(ADR_FILE.exec(f)![1]))) + 1).padStart(4, '0');
  const title =
    options.title ??
    `Use ${decided.name} (${decided.profiles.map((p) => p.name).join(' + ')})` +
      `${requirements.title ? ` for ${requirements.title}` : ''}`;
  const name = `${next}-${slug(title)}.md`;
  const superseded =
    options.supersedes === undefined ? undefined : await findSuperseded(dir, existing, options.supersedes, name, next);
  // Extra KB files are recorded relative to the repository root (or this folder), so adr check finds
  // them from any working directory.
  const base = recordBase(dir);
  const recorded = {
    ...result,
    kb: { ...result.kb, extraFiles: result.kb.extraFiles.map((f) => ({ ...f, file: recordedPath(f.file, base) })) },
  };
  const { text: adr } = buildAdr(
    recorded,
    requirements,
    {
      title,
      status: options.status ?? 'proposed',
      date,
      decisionMakers: options.decisionMakers ?? [],
      consulted: options.consulted ?? [],
      informed: options.informed ?? [],
      ...(choose !== undefined ? { choose } : {}),
      ...(options.because !== undefined ? { because: options.because } : {}),
      ...(superseded ? { supersedes: { number: superseded.number, file: superseded.name } } : {}),
    },
    options.overrides ?? {},
    `mqselect ${VERSION}`,
  );
  const target = join(dir, name);
  if (options.report === undefined) await writeFileAtomic(target, adr, false);
  else {
    await writeFileAtomic(reportPath(target), options.report, false);
    await writeFileAtomic(target, adr, false).catch(async (error: unknown) => {
      await unlink(reportPath(target)).catch(() => undefined);
      throw error;
    });
  }
  if (superseded) await writeFileAtomic(join(dir, superseded.name), superseded.updated, true);
  return target;
}

async function findSuperseded(dir: string, existing: string[], wanted: string, newName: string, newNumber: string) {
  if (!/^\d{1,4}$/.test(wanted)) throw usageError(`--supersedes: expected an ADR number such as 3 (got "${wanted}")`);
  const number = wanted.padStart(4, '0');
  const name = existing.find((f) => f.startsWith(`${number}-`));
  if (!name) throw usageError(`--supersedes ${wanted}: no ADR ${number}-*.md in ${dir}`);
  const { text } = await readInput(join(dir, name), LIMITS.kbFileBytes);
  const parsed = parseAdr(text);
  if (isRetired(parsed.status?.value))
    throw usageError(`--supersedes ${wanted}: ${name} is already "${parsed.status!.value}"`);
  const updated = withStatus(text, parsed, `superseded by [ADR-${newNumber}](${newName})`);
  if (updated === undefined) throw usageError(`--supersedes ${wanted}: ${name} has no status line to update`);
  return { number, name, updated };
}

function slug(title: string): string {
  const base = title
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base || 'decision';
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

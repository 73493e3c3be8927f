import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { DecisionBlock } from '../../adr/block.js';
import { buildAdr, readDecisionBlock } from '../../adr/decision.js';
import { checkDecision, type Finding } from '../../adr/check.js';
import { isRetired, parseAdr, withStatus } from '../../adr/parse.js';
import { recommend } from '../../engine/recommend.js';
import type { Result } from '../../engine/types.js';
import type { Requirements } from '../../requirements/schema.js';
import type { Criterion } from '../../requirements/vocabulary.js';
import { EXIT, MqselectError, inputError, usageError, type ExitCode } from '../../errors.js';
import { RENDERERS } from '../../render/index.js';
import { PLAIN } from '../../render/style.js';
import { assembleKnowledgeBase } from '../../kb/load.js';
import type { KnowledgeBase } from '../../kb/schema.js';
import { LIMITS, readInput, sha256, writeFileAtomic, writeStdout } from '../io.js';
import { parseCount, parseWeightOverrides } from '../options.js';
import { shippedKnowledgeBase } from '../shipped-kb.js';
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
  if ((flags.choose === undefined) !== (flags.because === undefined)) throw usageError('--choose BROKER and --because TEXT go together');
  if (flags.title !== undefined && flags.title.trim() === '') throw usageError('--title: the title is empty');
  if (flags.because !== undefined && flags.because.trim() === '') throw usageError('--because: the reason is empty');
  const date = flags.date ?? today();
  if (!isDate(date)) throw usageError(`--date: expected a real date YYYY-MM-DD (got "${date}")`);
  const overrides = parseWeightOverrides(flags.weight);
  const { kb, requirements } = await loadInputs(path, flags);
  const sensitivity = { robustnessSamples: parseCount('--robustness', flags.robustness, 1_000_000), seed: parseCount('--seed', flags.seed, 2 ** 32 - 1) };
  const result = recommend(requirements, kb, { weightOverrides: overrides, sensitivity });
  if (!result.recommendation) {
    // The answer is negative: show why on stdout (as recommend does), say in one line that nothing was written.
    writeStdout((await RENDERERS.table())(result, { style: PLAIN, explain: false }));
    process.stderr.write('mqselect: no broker meets the hard constraints, so no ADR was written\n');
    return EXIT.negative;
  }
  const report = flags.html ? (await RENDERERS.html())(result, { style: PLAIN, explain: false }) : undefined;
  const target = await writeAdrFor(requirements, kb, result, flags.dir, date, { ...flags, overrides, ...(report !== undefined ? { report } : {}) });
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
export const reportPath = (adrPath: string): string => adrPath.replace(/\.md$/, '.html');

/** Writes the next NNNN-title.md in `dir` for a computed result; returns its path. Shared with `ask --adr`. */
export async function writeAdrFor(requirements: Requirements, kb: KnowledgeBase, result: Result, dir: string, date: string, options: AdrWriteOptions = {}): Promise<string> {
  if (!result.recommendation) throw usageError('no broker meets the hard constraints, so no ADR can be written');
  const decided = options.choose === undefined ? result.ranking[0]! : result.ranking.find((r) => r.broker === options.choose);
  if (!decided) {
    const eliminated = result.eliminated.find((e) => e.broker === options.choose);
    throw usageError(
      eliminated
        ? `--choose ${options.choose}: it is eliminated by a hard constraint (${eliminated.reasons.join('; ')})`
        : `--choose: unknown broker "${options.choose}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`,
    );
  }
  const byHand = options.choose !== undefined && decided.broker !== result.ranking[0]!.broker;
  let existing: string[];
  try {
    await mkdir(dir, { recursive: true });
    existing = (await readdir(dir)).filter((f) => ADR_FILE.test(f)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(code === 'EEXIST' || code === 'ENOTDIR' ? 'not a directory' : `cannot use this folder (${code ?? 'error'})`, { file: dir });
  }
  const next = String(Math.max(0, ...existing.map((f) => Number(ADR_FILE.exec(f)![1]))) + 1).padStart(4, '0');
  const title = options.title ?? `Use ${decided.name} (${decided.profiles.map((p) => p.name).join(' + ')})${requirements.title ? ` for ${requirements.title}` : ''}`;
  const name = `${next}-${slug(title)}.md`;
  const superseded = options.supersedes === undefined ? undefined : await findSuperseded(dir, existing, options.supersedes, name, next);
  const { text: adr } = buildAdr(
    result,
    requirements,
    {
      title,
      status: options.status ?? 'proposed',
      date,
      decisionMakers: options.decisionMakers ?? [],
      consulted: options.consulted ?? [],
      informed: options.informed ?? [],
      ...(options.choose !== undefined ? { choose: options.choose } : {}),
      ...(byHand ? { chosenByHand: { because: options.because! } } : {}),
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
  if (isRetired(parsed.status?.value)) throw usageError(`--supersedes ${wanted}: ${name} is already "${parsed.status!.value}"`);
  const updated = withStatus(text, parsed, `superseded by [ADR-${newNumber}](${newName})`);
  if (updated === undefined) throw usageError(`--supersedes ${wanted}: ${name} has no status line to update`);
  return { number, name, updated };
}

export function slug(title: string): string {
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

export interface AdrCheckFlags {
  format: 'text' | 'json' | 'github';
  failOn: 'error' | 'warning';
}

/** `adr check [PATH…]`: re-runs every ADR that carries an mqselect block; skips the rest. */
export async function runAdrCheck(paths: string[], flags: AdrCheckFlags): Promise<ExitCode> {
  const roots = paths.length > 0 ? paths : ['docs/decisions'];
  const files = (await Promise.all(roots.map(markdownFiles))).flat();
  const base = await shippedKnowledgeBase();
  const checked: string[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  const findings: Finding[] = [];
  // An unreadable ADR does not stop the others from being checked; it makes the exit code 2 at the end.
  const unreadable: Finding[] = [];
  const refuse = (file: string, line: number, message: string) => unreadable.push({ file, line, severity: 'error', rule: 'unreadable-block', message });
  for (const file of files) {
    const { text } = await readInput(file, LIMITS.kbFileBytes);
    const parsed = parseAdr(text);
    if (parsed.unterminatedBlockLine !== undefined && !isRetired(parsed.status?.value)) {
      refuse(file, parsed.unterminatedBlockLine, 'the mqselect-decision block is not closed with -->');
      continue;
    }
    if (isRetired(parsed.status?.value)) {
      skipped.push({ file, reason: `status: ${parsed.status!.value}` });
      continue;
    }
    if (!parsed.block) {
      skipped.push({ file, reason: 'no mqselect-decision block' });
      continue;
    }
    const reading = readDecisionBlock(parsed.block.json);
    if (!reading.ok) {
      refuse(file, parsed.block.line, reading.message);
      continue;
    }
    const { block } = reading;
    const { kb, status } = await kbFor(base, block);
    const fresh = recommend(reading.requirements, kb, { weightOverrides: block.weightOverrides });
    findings.push(...checkDecision(file, parsed, block, fresh, status));
    checked.push(file);
  }
  for (const f of unreadable) process.stderr.write(`mqselect: ${f.file}:${f.line}: ${f.message}\n`);
  writeStdout(renderFindings(checked, skipped, [...unreadable, ...findings], flags.format));
  if (unreadable.length > 0) return EXIT.usage;
  const failing = findings.filter((f) => flags.failOn === 'warning' || f.severity === 'error');
  return failing.length > 0 ? EXIT.negative : EXIT.ok;
}

async function kbFor(base: KnowledgeBase, block: DecisionBlock): Promise<{ kb: KnowledgeBase; status: { missing: string[]; changed: string[] } }> {
  const status = { missing: [] as string[], changed: [] as string[] };
  const sources = [];
  for (const extra of block.kb.extraFiles) {
    try {
      const { file, text } = await readInput(extra.file, LIMITS.kbFileBytes);
      const hash = await sha256(text);
      if (hash !== extra.sha256) status.changed.push(extra.file);
      sources.push({ file, text, layer: 'user' as const, sha256: hash });
    } catch (error) {
      if (error instanceof MqselectError) status.missing.push(extra.file);
      else throw error;
    }
  }
  if (sources.length === 0) return { kb: base, status };
  return { kb: (await assembleKnowledgeBase(sources, base)).kb, status };
}

async function markdownFiles(root: string): Promise<string[]> {
  let info;
  try {
    info = await stat(root);
  } catch {
    throw usageError(`${root}: no such file or directory (adr check looks in docs/decisions by default)`);
  }
  if (!info.isDirectory()) return [root];
  const entries = await readdir(root, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => (e.isDirectory() ? markdownFiles(join(root, e.name)) : Promise.resolve(e.name.endsWith('.md') ? [join(root, e.name)] : []))),
  );
  return nested.flat();
}

function renderFindings(checked: string[], skipped: Array<{ file: string; reason: string }>, findings: Finding[], format: AdrCheckFlags['format']): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary = `adr check: ${checked.length} decision(s) checked, ${skipped.length} skipped, ${errors} error(s), ${warnings} warning(s)`;
  if (format === 'json') return JSON.stringify({ checked, skipped, findings, errors, warnings }, null, 2);
  if (format === 'github') {
    const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
    return [...findings.map((f) => `::${f.severity} file=${property(relative(process.cwd(), f.file) || f.file)},line=${f.line},title=${property(`mqselect adr check (${f.rule})`)}::${escape(f.message)}`), summary].join('\n');
  }
  return [...findings.map((f) => `${f.file}:${f.line}: ${f.severity} [${f.rule}] ${f.message}`), ...skipped.map((s) => `skipped ${s.file}: ${s.reason}`), summary].join('\n');
}


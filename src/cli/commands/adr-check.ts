import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { DecisionBlock } from '../../adr/block.js';
import { checkDecision, checkRecord, missingKbFindings, type Finding, type KbFileStatus } from '../../adr/check.js';
import { readDecisionBlock } from '../../adr/decision.js';
import { isRetired, parseAdr } from '../../adr/parse.js';
import { recommend } from '../../engine/recommend.js';
import { EXIT, MqselectError, usageError, type ExitCode } from '../../errors.js';
import { assembleKnowledgeBase } from '../../kb/load.js';
import type { KnowledgeBase } from '../../kb/schema.js';
import { oneLine } from '../../render/text.js';
import { LIMITS, readInput, sha256, writeStderr, writeStdout } from '../io.js';
import { candidatePaths, recordBase } from '../repository.js';
import { shippedKnowledgeBase } from '../shipped-kb.js';
import { VERSION } from '../version.js';

export interface AdrCheckFlags {
  format: 'text' | 'json' | 'github';
  failOn: 'error' | 'warning';
  /** Files standing in for recorded extra KB files of the same name (kept elsewhere, e.g. in CI). */
  kb: string[];
  /** Where recorded KB paths start (default: the repository root of each ADR, else its folder). */
  root?: string;
}

/**
 * `adr check [PATH…]`: re-runs every ADR that carries an mqselect block; skips the rest. What it cannot
 * check is never a pass: a block of an unknown version or an unreadable one is exit 2, a missing KB file
 * the decision rests on, unreadable front matter, an unknown status or a second block are errors.
 */
export async function runAdrCheck(paths: string[], flags: AdrCheckFlags): Promise<ExitCode> {
  const roots = paths.length > 0 ? paths : ['docs/decisions'];
  if (
    flags.root !== undefined &&
    !(await stat(flags.root).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw usageError(`--root ${flags.root}: not a directory`);
  const standIns = await Promise.all(
    flags.kb.map(async (path) => ({
      name: basename(path),
      ...(await readInput(path, LIMITS.kbFileBytes)),
      used: false,
    })),
  );
  const files = (await Promise.all(roots.map(markdownFiles))).flat();
  const shipped = await shippedKnowledgeBase();
  const checked: string[] = [];
  const skipped: Array<{ file: string; reason: string }> = [];
  const findings: Finding[] = [];
  // An unreadable ADR does not stop the others from being checked; it makes the exit code 2 at the end.
  const unreadable: Finding[] = [];
  /** Their stderr lines: "file:line: message", or without a line where there is none (a file over the limit). */
  const stderrLines: string[] = [];
  const refuse = (file: string, line: number | undefined, message: string, column?: number) => {
    unreadable.push({
      file,
      line: line ?? 1,
      ...(column !== undefined ? { column } : {}),
      severity: 'error',
      rule: 'unreadable-block',
      message,
    });
    stderrLines.push(`${[file, line, column].filter((x) => x !== undefined).join(':')}: ${message}`);
  };
  for (const file of files) {
    let text: string;
    try {
      ({ text } = await readInput(file, LIMITS.kbFileBytes));
    } catch (error) {
      if (!(error instanceof MqselectError)) throw error;
      refuse(file, error.location.line, error.message, error.location.column);
      continue;
    }
    const parsed = parseAdr(text);
    if (parsed.unsupportedBlock) {
      const { version, line } = parsed.unsupportedBlock;
      refuse(
        file,
        line,
        version === ''
          ? 'the mqselect-decision block has no version (expected "<!-- mqselect-decision v1")'
          : `the mqselect-decision block is ${version}, which needs a newer mqselect (mqselect ${VERSION} reads v1)`,
      );
      continue;
    }
    const retired = !parsed.frontMatterError && isRetired(parsed.status?.value);
    if (parsed.unterminatedBlockLine !== undefined && !retired) {
      refuse(file, parsed.unterminatedBlockLine, 'the mqselect-decision block is not closed with -->');
      continue;
    }
    if (retired) {
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
    let kb: { kb: KnowledgeBase; status: KbFileStatus };
    try {
      kb = await kbFor(shipped, block, recordBase(dirname(file), flags.root), dirname(file), standIns);
    } catch (error) {
      // A recorded KB file that no longer passes the schema: this record cannot be re-run.
      if (!(error instanceof MqselectError)) throw error;
      refuse(file, parsed.block.line, `extra knowledge-base file: ${error.toUserLine()}`);
      continue;
    }
    findings.push(...checkRecord(file, parsed));
    checked.push(file);
    if (kb.status.missing.length > 0) {
      findings.push(...missingKbFindings(file, parsed, kb.status));
      continue;
    }
    const fresh = recommend(reading.requirements, kb.kb, { weightOverrides: block.weightOverrides });
    findings.push(...checkDecision(file, parsed, block, fresh, kb.status));
  }
  for (const line of stderrLines) writeStderr(`mqselect: ${oneLine(line)}`);
  writeStdout(renderFindings(checked, skipped, [...unreadable, ...findings], flags.format));
  // A stand-in no decision asked for is a mistake in the command line (a wrong name), not a pass.
  const unused = standIns.find((s) => !s.used);
  if (unused)
    writeStderr(
      `mqselect: --kb ${oneLine(unused.file)}: no checked decision rests on a knowledge-base file ` +
        `named ${oneLine(unused.name)}`,
    );
  if (unreadable.length > 0 || unused) return EXIT.usage;
  const failing = findings.filter((f) => flags.failOn === 'warning' || f.severity === 'error');
  return failing.length > 0 ? EXIT.negative : EXIT.ok;
}

/**
 * The KB a block was decided with: the shipped one plus the recorded extra files, each taken from a
 * --kb stand-in of the same name or looked up from the record's base. Missing ones are reported, not
 * silently left out: a check without them would check something else.
 */
async function kbFor(
  shipped: KnowledgeBase,
  block: DecisionBlock,
  base: string,
  adrDir: string,
  standIns: Array<{ name: string; file: string; text: string; used: boolean }>,
): Promise<{ kb: KnowledgeBase; status: KbFileStatus }> {
  const status: KbFileStatus = { missing: [], changed: [] };
  const sources = [];
  for (const extra of block.kb.extraFiles) {
    const standIn =
      standIns.find((s) => s.file === extra.file) ?? standIns.find((s) => s.name === basename(extra.file));
    let found: { file: string; text: string } | undefined;
    if (standIn) {
      standIn.used = true;
      found = standIn;
    } else {
      const tried = candidatePaths(extra.file, base, adrDir);
      let reason = `is not in ${tried.join(' or ')}`;
      for (const path of tried) {
        try {
          found = await readInput(path, LIMITS.kbFileBytes);
          break;
        } catch (error) {
          if (!(error instanceof MqselectError)) throw error;
          if (!/no such file/.test(error.message)) reason = `cannot be read (${error.toUserLine()})`;
        }
      }
      if (!found) {
        status.missing.push({ file: extra.file, reason });
        continue;
      }
    }
    const hash = await sha256(found.text);
    if (hash !== extra.sha256) status.changed.push(extra.file);
    sources.push({ file: extra.file, text: found.text, layer: 'user' as const, sha256: hash });
  }
  if (sources.length === 0 || status.missing.length > 0) return { kb: shipped, status };
  return { kb: (await assembleKnowledgeBase(sources, shipped)).kb, status };
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
      .map((e) =>
        e.isDirectory()
          ? markdownFiles(join(root, e.name))
          : Promise.resolve(e.name.endsWith('.md') ? [join(root, e.name)] : []),
      ),
  );
  return nested.flat();
}

function renderFindings(
  checked: string[],
  skipped: Array<{ file: string; reason: string }>,
  findings: Finding[],
  format: AdrCheckFlags['format'],
): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary =
    `adr check: ${checked.length} decision(s) checked, ${skipped.length} skipped, ${errors} ` +
    `error(s), ${warnings} warning(s)`;
  if (format === 'json') return JSON.stringify({ checked, skipped, findings, errors, warnings }, null, 2);
  if (format === 'github') {
    const escape = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const property = (text: string) => escape(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
    return [
      ...findings.map(
        (f) =>
          `::${f.severity} file=${property(relative(process.cwd(), f.file) || f.file)},line=${f.line},` +
          `title=${property(`mqselect adr check (${f.rule})`)}::${escape(f.message)}`,
      ),
      summary,
    ].join('\n');
  }
  return [
    ...findings.map((f) => oneLine(`${f.file}:${f.line}: ${f.severity} [${f.rule}] ${f.message}`)),
    ...skipped.map((s) => oneLine(`skipped ${s.file}: ${s.reason}`)),
    summary,
  ].join('\n');
}

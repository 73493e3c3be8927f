import { parseDocumentText } from '../../input/document.js';
import { EXIT, MqselectError, inputError, usageError, type ErrorLocation, type ExitCode } from '../../errors.js';
import { caseReport } from '../../cases/report.js';
import { renderCaseReport } from '../../render/cases.js';
import type { IntegrityFinding } from '../../kb/integrity-finding.js';
import { assembleKnowledgeBase, type KbSource } from '../../kb/load.js';
import { renderKbList, renderKbShow } from '../../render/kb-show.js';
import { renderModel } from '../../render/model-show.js';
import { oneLine } from '../../render/text.js';
import { locatedIssues } from '../../input/schema-issues.js';
import { LIMITS, readInput, sha256, writeStderr, writeStdout } from '../io.js';
import { assembleShippedFromDisk, caseLibrary, failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';
import { outputWidth } from '../width.js';

/** A finding as `kb validate` prints it: integrity rules, and schema problems placed in their file. */
type Finding = IntegrityFinding & { file?: string; line?: number; column?: number; path?: string };

/**
 * `kb validate [FILE…]`: the shipped KB as on disk, or it plus the given files. Every schema problem of
 * every file is listed with line:column (exit 2); without any, the integrity rules run (exit 1 on errors).
 */
export async function runKbValidate(files: string[], flags: { format: 'text' | 'json' }): Promise<ExitCode> {
  const shipped = await assembleShippedFromDisk();
  const sources: KbSource[] = [];
  const problems: Finding[] = [];
  for (const path of files) {
    try {
      const input = await readInput(path, LIMITS.kbFileBytes);
      const issues = await schemaProblems(input.text, input.file);
      problems.push(...issues);
      if (issues.length === 0) sources.push({ ...input, layer: 'user', sha256: await sha256(input.text) });
    } catch (error) {
      if (!(error instanceof MqselectError) || error.kind === 'usage') throw error;
      problems.push(problemAt(error.location, error.message, 'unreadable'));
    }
  }
  const { kb, findings } =
    problems.length > 0
      ? { kb: shipped.kb, findings: problems }
      : files.length === 0
        ? shipped
        : await assembleKnowledgeBase(sources, shipped.kb);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const integrityChecked = problems.length === 0;
  if (flags.format === 'json') {
    writeStdout(
      JSON.stringify(
        {
          kb: { version: kb.version, asOf: kb.asOf },
          brokers: kb.brokers.map((b) => b.id),
          rules: kb.rules.length,
          integrityChecked,
          errors,
          findings,
        },
        null,
        2,
      ),
    );
  } else {
    const lines = findings.map((f) => `${f.severity}: [${f.rule}] ${f.where}: ${f.message}`);
    if (!integrityChecked)
      lines.push(
        `invalid: ${errors} problem(s) in ${new Set(problems.map((p) => p.file)).size} file(s); the integrity ` +
          `rules run once every file passes the schema`,
      );
    else
      lines.push(
        `${errors === 0 ? 'valid' : 'invalid'}: ${kb.brokers.length} brokers ` +
          `(${kb.brokers.map((b) => b.id).join(', ')}), ${kb.rules.length} rules, ${errors} error(s), ` +
          `${findings.length - errors} warning(s)`,
      );
    writeStdout(lines.map(oneLine).join('\n'));
  }
  if (!integrityChecked) {
    // Unreadable input: one line per file on stderr as for every command, the full list on stdout.
    for (const file of new Set(problems.map((p) => p.file))) {
      const mine = problems.filter((p) => p.file === file);
      writeStderr(
        `mqselect: ${oneLine(mine[0]!.where)}: ${oneLine(mine[0]!.message)}` +
          `${mine.length > 1 ? ` (and ${mine.length - 1} more, listed on stdout)` : ''}`,
      );
    }
    return EXIT.usage;
  }
  return errors > 0 ? EXIT.negative : EXIT.ok;
}

/** Every schema problem of one KB file; a file that is not a document at all is one problem. */
async function schemaProblems(text: string, file: string): Promise<Finding[]> {
  const parsed = await parseDocumentText(text, file);
  const { kbFileSchema } = await import('../../kb/files.js');
  const result = kbFileSchema.safeParse(parsed.data, { reportInput: true });
  if (result.success) return [];
  return (await locatedIssues(result.error.issues, parsed, file)).map(({ location, message }) =>
    problemAt(location, message, 'schema'),
  );
}

function problemAt(location: ErrorLocation, message: string, rule: 'schema' | 'unreadable'): Finding {
  const { file, line, column, path } = location;
  const at = [file, line, column].filter((x) => x !== undefined).join(':');
  return {
    rule,
    severity: 'error',
    where: path ? `${at}: ${path}` : at,
    message,
    ...(file !== undefined ? { file } : {}),
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ...(path !== undefined ? { path } : {}),
  };
}

/** `kb show [BROKER]`: what the KB says, with sources. */
export async function runKbShow(
  brokerId: string | undefined,
  flags: { format: 'text' | 'json'; color: boolean; kb: string[]; width?: string; model?: boolean },
): Promise<ExitCode> {
  const width = outputWidth(flags.width, process.env, process.stdout);
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { kb } = assembled;
  if (flags.model) {
    if (brokerId !== undefined) throw usageError('kb show --model takes no broker');
    if (flags.format === 'json') writeStdout(JSON.stringify(kb.model, null, 2));
    else
      writeStdout(
        renderModel(
          kb.model,
          await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true)),
        ).trimEnd(),
      );
    return EXIT.ok;
  }
  const broker = brokerId === undefined ? undefined : kb.brokers.find((b) => b.id === brokerId.toLowerCase());
  if (brokerId !== undefined && !broker)
    throw inputError(`unknown broker "${brokerId}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`);
  if (flags.format === 'json') {
    writeStdout(
      JSON.stringify(broker ?? { version: kb.version, asOf: kb.asOf, brokers: kb.brokers, rules: kb.rules }, null, 2),
    );
    return EXIT.ok;
  }
  const style = await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true));
  writeStdout(broker ? renderKbShow(broker, style, width) : renderKbList(kb, style, width));
  return EXIT.ok;
}

/** `kb cases`: agreement of the engine (with any --kb layers) with the case library of real decisions. */
export async function runKbCases(flags: {
  kb: string[];
  cases?: string;
  format: 'text' | 'json';
  failUnder?: string;
  color: boolean;
  width?: string;
}): Promise<ExitCode> {
  const width = outputWidth(flags.width, process.env, process.stdout);
  const failUnder = flags.failUnder === undefined ? undefined : Number(flags.failUnder);
  if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100))
    throw usageError(`--fail-under expects a percentage 0..100 (got "${flags.failUnder}")`);
  const { kb, findings } = await knowledgeBaseWith(flags.kb);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw inputError(
      `the knowledge base has integrity errors: ${errors.map((f) => `[${f.rule}] ${f.where}`).join('; ')}`,
    );
  const report = caseReport(await caseLibrary(flags.cases), kb);
  if (flags.format === 'json') writeStdout(JSON.stringify(report, null, 2));
  else
    writeStdout(
      renderCaseReport(
        report,
        await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true)),
        width,
      ).trimEnd(),
    );
  return failUnder !== undefined && report.top1Share * 100 < failUnder ? EXIT.negative : EXIT.ok;
}

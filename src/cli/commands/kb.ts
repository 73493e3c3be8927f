import { EXIT, inputError, usageError, type ExitCode } from '../../errors.js';
import { caseReport } from '../../cases/report.js';
import { renderCaseReport } from '../../render/cases.js';
import { assembleKnowledgeBase } from '../../kb/load.js';
import { renderKbList, renderKbShow } from '../../render/kb-show.js';
import { renderModel } from '../../render/model-show.js';
import { LIMITS, readInput, sha256, writeStdout } from '../io.js';
import { assembleShippedFromDisk, caseLibrary, knowledgeBaseWith, shippedKnowledgeBase } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';

/** `kb validate [FILE…]`: the shipped KB as on disk, or it plus the given files. Exit 1 on integrity errors. */
export async function runKbValidate(files: string[], flags: { format: 'text' | 'json' }): Promise<ExitCode> {
  const shipped = await assembleShippedFromDisk();
  const { kb, findings } =
    files.length === 0
      ? shipped
      : await assembleKnowledgeBase(
          await Promise.all(
            files.map(async (path) => {
              const input = await readInput(path, LIMITS.kbFileBytes);
              return { ...input, layer: 'user' as const, sha256: await sha256(input.text) };
            }),
          ),
          shipped.kb,
        );
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (flags.format === 'json') {
    writeStdout(JSON.stringify({ kb: { version: kb.version, asOf: kb.asOf }, brokers: kb.brokers.map((b) => b.id), rules: kb.rules.length, errors, findings }, null, 2));
  } else {
    const lines = findings.map((f) => `${f.severity}: [${f.rule}] ${f.where}: ${f.message}`);
    lines.push(`${errors === 0 ? 'valid' : 'invalid'}: ${kb.brokers.length} brokers (${kb.brokers.map((b) => b.id).join(', ')}), ${kb.rules.length} rules, ${errors} error(s), ${findings.length - errors} warning(s)`);
    writeStdout(lines.join('\n'));
  }
  return errors > 0 ? EXIT.negative : EXIT.ok;
}

/** `kb show [BROKER]`: what the KB says, with sources. */
export async function runKbShow(brokerId: string | undefined, flags: { format: 'text' | 'json'; color: boolean; model?: boolean }): Promise<ExitCode> {
  const kb = await shippedKnowledgeBase();
  if (flags.model) {
    if (brokerId !== undefined) throw usageError('kb show --model takes no broker');
    if (flags.format === 'json') writeStdout(JSON.stringify(kb.model, null, 2));
    else writeStdout(renderModel(kb.model, await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true))).trimEnd());
    return EXIT.ok;
  }
  const broker = brokerId === undefined ? undefined : kb.brokers.find((b) => b.id === brokerId);
  if (brokerId !== undefined && !broker) throw inputError(`unknown broker "${brokerId}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`);
  if (flags.format === 'json') {
    writeStdout(JSON.stringify(broker ?? { version: kb.version, asOf: kb.asOf, brokers: kb.brokers, rules: kb.rules }, null, 2));
    return EXIT.ok;
  }
  const style = await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true));
  writeStdout(broker ? renderKbShow(broker, style) : renderKbList(kb, style));
  return EXIT.ok;
}

/** `kb cases`: agreement of the engine (with any --kb layers) with the case library of real decisions. */
export async function runKbCases(flags: { kb: string[]; cases?: string; format: 'text' | 'json'; failUnder?: string; color: boolean }): Promise<ExitCode> {
  const failUnder = flags.failUnder === undefined ? undefined : Number(flags.failUnder);
  if (failUnder !== undefined && !(failUnder >= 0 && failUnder <= 100)) throw usageError(`--fail-under expects a percentage 0..100 (got "${flags.failUnder}")`);
  const { kb, findings } = await knowledgeBaseWith(flags.kb);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) throw inputError(`the knowledge base has integrity errors: ${errors.map((f) => `[${f.rule}] ${f.where}`).join('; ')}`);
  const report = caseReport(await caseLibrary(flags.cases), kb);
  if (flags.format === 'json') writeStdout(JSON.stringify(report, null, 2));
  else writeStdout(renderCaseReport(report, await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true))).trimEnd());
  return failUnder !== undefined && report.top1Share * 100 < failUnder ? EXIT.negative : EXIT.ok;
}

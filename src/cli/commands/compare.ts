import { EXIT, usageError, type ExitCode } from '../../errors.js';
import { compareBrokers, renderCompareMarkdown, renderCompareTable, type CompareFormat } from '../../render/compare.js';
import { writeOutput } from '../io.js';
import { shippedKnowledgeBase } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';

/** `mqselect compare [BROKER…]`: the knowledge base side by side (all brokers when none is named). */
export async function runCompare(ids: string[], flags: { format: CompareFormat; color: boolean; output?: string; force?: boolean }): Promise<ExitCode> {
  const kb = await shippedKnowledgeBase();
  const unknown = ids.filter((id) => !kb.brokers.some((b) => b.id === id));
  if (unknown.length > 0) throw usageError(`unknown broker "${unknown[0]}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`);
  const brokers = ids.length === 0 ? kb.brokers : [...new Set(ids)].map((id) => kb.brokers.find((b) => b.id === id)!);
  const comparison = compareBrokers(kb, brokers);
  const toStdout = flags.output === undefined || flags.output === '-';
  let text: string;
  if (flags.format === 'json') text = JSON.stringify(comparison, null, 2);
  else if (flags.format === 'markdown') text = renderCompareMarkdown(comparison);
  else if (flags.format === 'html') text = (await import('../../render/html/compare.js')).renderCompareHtml(comparison);
  else text = renderCompareTable(comparison, await styleFor(toStdout && wantsColor(flags.color, process.env, process.stdout.isTTY === true)));
  await writeOutput(text, flags.output, flags.force === true);
  return EXIT.ok;
}

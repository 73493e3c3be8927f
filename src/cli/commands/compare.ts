import { EXIT, usageError, type ExitCode } from '../../errors.js';
import { compareBrokers, renderCompareMarkdown, renderCompareTable, type CompareFormat } from '../../render/compare.js';
import { writeStdout } from '../io.js';
import { failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';
import { outputWidth } from '../width.js';

/** `mqselect compare [BROKER…]`: the knowledge base side by side (all brokers when none is named). */
export async function runCompare(names: string[], flags: { format: CompareFormat; color: boolean; kb: string[]; width?: string }): Promise<ExitCode> {
  const width = outputWidth(flags.width, process.env, process.stdout);
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { kb } = assembled;
  // Broker ids are lower case; "Kafka" and "RabbitMQ" mean kafka and rabbitmq.
  const ids = names.map((name) => name.toLowerCase());
  const unknown = names.filter((_, i) => !kb.brokers.some((b) => b.id === ids[i]));
  if (unknown.length > 0) throw usageError(`unknown broker "${unknown[0]}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`);
  const brokers = ids.length === 0 ? kb.brokers : [...new Set(ids)].map((id) => kb.brokers.find((b) => b.id === id)!);
  const comparison = compareBrokers(kb, brokers);
  if (flags.format === 'json') writeStdout(JSON.stringify(comparison, null, 2));
  else if (flags.format === 'markdown') writeStdout(renderCompareMarkdown(comparison));
  else writeStdout(renderCompareTable(comparison, await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true)), width));
  return EXIT.ok;
}

import { EXIT, usageError, type ExitCode } from '../../errors.js';
import { compareBrokers, renderCompareMarkdown, renderCompareTable, type CompareFormat } from '../../render/compare.js';
import { writeOutput } from '../io.js';
import { failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';
import { outputWidth } from '../width.js';

/** `mqselect compare [BROKER…]`: the knowledge base side by side (all brokers when none is named). */
export async function runCompare(
  names: string[],
  flags: { format: CompareFormat; color: boolean; kb: string[]; width?: string; output?: string; force?: boolean },
): Promise<ExitCode> {
  const toStdout = flags.output === undefined || flags.output === '-';
  // A terminal gets its own width; a file only the --width given.
  const width = outputWidth(flags.width, process.env, toStdout ? process.stdout : {});
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { kb } = assembled;
  // Broker ids are lower case; "Kafka" and "RabbitMQ" mean kafka and rabbitmq.
  const ids = names.map((name) => name.toLowerCase());
  const unknown = names.filter((_, i) => !kb.brokers.some((b) => b.id === ids[i]));
  if (unknown.length > 0)
    throw usageError(`unknown broker "${unknown[0]}" (known: ${kb.brokers.map((b) => b.id).join(', ')})`);
  const brokers = ids.length === 0 ? kb.brokers : [...new Set(ids)].map((id) => kb.brokers.find((b) => b.id === id)!);
  const comparison = compareBrokers(kb, brokers);
  let text: string;
  if (flags.format === 'json') text = JSON.stringify(comparison, null, 2);
  else if (flags.format === 'markdown') text = renderCompareMarkdown(comparison);
  else if (flags.format === 'html') text = (await import('../../render/html/compare.js')).renderCompareHtml(comparison);
  else
    text = renderCompareTable(
      comparison,
      await styleFor(toStdout && wantsColor(flags.color, process.env, process.stdout.isTTY === true)),
      width,
    );
  await writeOutput(text, flags.output, flags.force === true);
  return EXIT.ok;
}

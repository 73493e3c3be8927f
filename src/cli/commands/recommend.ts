import { recommend } from '../../engine/recommend.js';
import { loadPositionFinder, parseDocumentText } from '../../input/document.js';
import { EXIT, MqselectError, inputError, type ExitCode } from '../../errors.js';
import { parseRequirementsText } from '../../requirements/parse.js';
import type { Requirements } from '../../requirements/schema.js';
import { RENDERERS, type RecommendFormat } from '../../render/index.js';
import { LIMITS, readInput, writeOutput } from '../io.js';
import { parseCount, parseWeightOverrides } from '../options.js';
import { failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';
import { outputWidth } from '../width.js';
import type { KnowledgeBase } from '../../kb/schema.js';
import type { Assignment } from '../../requirements/assignments.js';

export interface RecommendFlags {
  format: RecommendFormat;
  kb: string[];
  weight: string[];
  set: string[];
  explain: boolean;
  color: boolean;
  /** --output FILE: write there (atomically) instead of stdout; an existing file only with --force. */
  output?: string;
  force?: boolean;
  /** undefined unless --sensitivity / --no-sensitivity was given: on by default for one file. */
  sensitivity: boolean | undefined;
  robustness: string;
  seed: string;
  /** --width N, or the terminal's width (table format only). */
  width?: string;
}

/** read requirements -> load KB -> engine -> render -> stdout. Exit 1 when no broker is feasible. */
export async function runRecommend(path: string, flags: RecommendFlags): Promise<ExitCode> {
  const overrides = parseWeightOverrides(flags.weight);
  const toStdout = flags.output === undefined || flags.output === '-';
  // A terminal gets its own width; a file only the --width given.
  const width = outputWidth(flags.width, process.env, toStdout ? process.stdout : {});
  const { kb, requirements } = await loadInputs(path, flags);
  const sensitivity =
    flags.sensitivity !== false
      ? {
          robustnessSamples: parseCount('--robustness', flags.robustness, 1_000_000),
          seed: parseCount('--seed', flags.seed, 2 ** 32 - 1),
        }
      : false;
  const result = recommend(requirements, kb, { weightOverrides: overrides, sensitivity });
  const render = await RENDERERS[flags.format]();
  const style = await styleFor(
    flags.format === 'table' && toStdout && wantsColor(flags.color, process.env, process.stdout.isTTY === true),
  );
  await writeOutput(
    render(result, {
      style,
      explain: flags.explain,
      ...(flags.format === 'table' && width !== undefined ? { width } : {}),
    }),
    flags.output,
    flags.force === true,
  );
  return result.recommendation ? EXIT.ok : EXIT.negative;
}

/** The inputs of recommend and adr new: the KB (with --kb layers) and the requirements (with --set). */
export async function loadInputs(
  path: string,
  flags: { kb: string[]; set: string[] },
): Promise<{ kb: KnowledgeBase; requirements: Requirements }> {
  const assignments = await parseSetOptions(flags.set);
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { file, text } = await readInput(path, LIMITS.requirementsBytes);
  const requirements = await parseRequirementsText(text, file, assignments);
  try {
    checkExperience(requirements, assembled.kb, file);
  } catch (error) {
    // Place the unknown broker id in the file (line:column), as schema errors are.
    if (!(error instanceof MqselectError) || !error.location.path) throw error;
    if (assignments.some((a) => a.path === 'team.experience'))
      throw inputError(error.message, { file: '--set', path: error.location.path });
    const parsed = await parseDocumentText(text, file);
    await loadPositionFinder();
    const path = error.location.path
      .split(/[.[\]]/)
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    throw inputError(error.message, { ...error.location, ...parsed.locate(path) });
  }
  return { kb: assembled.kb, requirements };
}

/** --set options; the field catalogue behind them (the zod schema) is loaded only when there are any. */
export async function parseSetOptions(raw: string[]): Promise<Assignment[]> {
  return raw.length === 0 ? [] : (await import('../../requirements/set.js')).parseAssignments(raw);
}

/** Broker ids in team.experience must exist in the KB (a user KB may add ids, so the schema cannot list them). */
export function checkExperience(requirements: Requirements, kb: KnowledgeBase, file: string): void {
  const known = kb.brokers.map((b) => b.id);
  requirements.team?.experience?.forEach((id, index) => {
    if (!known.includes(id))
      throw inputError(`unknown broker "${id}" (known: ${known.join(', ')})`, {
        file,
        path: `team.experience[${index}]`,
      });
  });
}

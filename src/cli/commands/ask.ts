import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadYaml } from '../../document.js';
import { recommend } from '../../engine/recommend.js';
import { EXIT, cancelledError, usageError, type ExitCode } from '../../errors.js';
import { parseRequirementsText, validateRequirements } from '../../requirements/parse.js';
import { runQuestionnaire } from '../../requirements/questionnaire.js';
import type { Requirements } from '../../requirements/schema.js';
import { RENDERERS } from '../../render/index.js';
import { LIMITS, readInput, writeFileAtomic, writeStdout } from '../io.js';
import { failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';
import { checkExperience } from './recommend.js';

export interface AskFlags {
  from?: string;
  save?: string;
  force: boolean;
  adr?: string;
  kb: string[];
  color: boolean;
}

/**
 * `mqselect ask`: the questionnaire, then the same result `recommend` prints, then (optionally) the
 * answers saved as a v1 requirements file and an ADR. Needs a terminal on stdin.
 */
export async function runAsk(flags: AskFlags, today: () => string): Promise<ExitCode> {
  if (!process.stdin.isTTY) throw usageError('ask needs an interactive terminal on stdin; for files and scripts use: mqselect recommend FILE');
  if (flags.save !== undefined) formatFor(flags.save);
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { kb } = assembled;
  const prefilled = flags.from === undefined ? {} : await readPrefilled(flags.from);
  const style = await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true));
  const { inquirerAdapter } = await import('../prompts/inquirer.js');
  const prompts = inquirerAdapter(style);
  try {
    writeStdout(style.dim('Enter accepts the value shown in brackets; an empty answer or "-" leaves a field not stated.'));
    const document = await runQuestionnaire(prompts, prefilled, kb.brokers.map((b) => b.id));
    const requirements = await validateRequirements(document, '(answers)', { data: document, format: 'json', locate: () => undefined });
    checkExperience(requirements, kb, '(answers)');
    const result = recommend(requirements, kb, { sensitivity: {} });
    writeStdout((await RENDERERS.table())(result, { style, explain: false }));
    const target = flags.save ?? (await offerSave(prompts));
    if (target !== undefined) await save(target, document, flags.force, prompts);
    if (flags.adr !== undefined && result.recommendation) {
      const { writeAdrFor } = await import('./adr.js');
      writeStdout(`wrote ${await writeAdrFor(requirements, kb, result, flags.adr, today())}`);
    } else if (flags.adr !== undefined) {
      process.stderr.write('mqselect: no broker meets the hard constraints, so no ADR was written\n');
    }
    return result.recommendation ? EXIT.ok : EXIT.negative;
  } catch (error) {
    // inquirer signals Ctrl-C with ExitPromptError: nothing has been written at that point.
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') throw cancelledError();
    throw error;
  }
}

async function readPrefilled(path: string): Promise<Record<string, unknown>> {
  const { file, text } = await readInput(path, LIMITS.requirementsBytes);
  return (await parseRequirementsText(text, file)) as Requirements as Record<string, unknown>;
}

function formatFor(path: string): 'json' | 'yaml' {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  throw usageError(`--save ${path}: the file name must end in .yaml, .yml or .json`);
}

async function offerSave(prompts: Awaited<ReturnType<typeof import('../prompts/inquirer.js')['inquirerAdapter']>>): Promise<string | undefined> {
  if (!(await prompts.confirm({ message: 'Save these answers as a requirements file?', hint: 'so the decision can be revisited with ask --from or re-run with recommend', default: true }))) return undefined;
  const path = await prompts.text({ message: 'File name (.yaml or .json)', hint: 'written atomically; an existing file is never replaced without asking', default: 'requirements.yaml' }, (raw) => {
    try {
      formatFor(raw.trim());
      return true;
    } catch (error) {
      return (error as Error).message;
    }
  });
  return path.trim();
}

/** Writes the answers; an existing file is replaced only with --force or after a yes. Declining is not an error. */
async function save(path: string, document: Record<string, unknown>, force: boolean, prompts: { confirm: (q: { message: string; hint: string; default: boolean }) => Promise<boolean> }): Promise<void> {
  const text = formatFor(path) === 'json' ? `${JSON.stringify(document, null, 2)}\n` : (await loadYaml()).stringify(document, { lineWidth: 0 });
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  const overwrite = force || (exists && (await prompts.confirm({ message: `${path} exists. Replace it?`, hint: 'the old file is replaced in one step, never half-written', default: false })));
  if (exists && !overwrite) {
    process.stderr.write(`mqselect: ${path}: left as it was; the answers were not saved\n`);
    return;
  }
  await writeFileAtomic(path, text, overwrite);
  writeStdout(`saved ${path}`);
}

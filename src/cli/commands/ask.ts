import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { loadYaml } from '../../input/document.js';
import { recommend } from '../../engine/recommend.js';
import { EXIT, MqselectError, cancelledError, usageError, type ExitCode } from '../../errors.js';
import { parseRequirementsText, validateRequirements } from '../../requirements/parse.js';
import { NAVIGATION_HINT, type PromptAdapter } from '../../requirements/prompt-adapter.js';
import { runQuestionnaire } from '../../requirements/questionnaire.js';
import type { Requirements } from '../../requirements/schema.js';
import { RENDERERS } from '../../render/index.js';
import { oneLine } from '../../render/text.js';
import { wrapText } from '../../render/wrap.js';
import {
  LIMITS,
  checkWritableFile,
  checkWritableFolder,
  readInput,
  writeFileAtomic,
  writeStderr,
  writeStdout,
} from '../io.js';
import { failOnIntegrityErrors, knowledgeBaseWith } from '../shipped-kb.js';
import { styleFor, wantsColor } from '../style.js';
import { outputWidth } from '../width.js';
import { checkExperience } from './recommend.js';

export interface AskFlags {
  from?: string;
  save?: string;
  force: boolean;
  adr?: string;
  kb: string[];
  color: boolean;
  width?: string;
}

/**
 * `mqselect ask`: the questionnaire, then the same result `recommend` prints, then (optionally) the
 * answers saved as a v1 requirements file and an ADR. Needs a terminal on stdin. Where the answers go is
 * checked before the first question, and a save that fails or is declined offers another name: forty
 * answers are never lost to a typo in a folder name.
 */
export async function runAsk(flags: AskFlags, today: () => string): Promise<ExitCode> {
  if (!process.stdin.isTTY)
    throw usageError('ask needs an interactive terminal on stdin; for files and scripts use: mqselect recommend FILE');
  const width = outputWidth(flags.width, process.env, process.stdout);
  // Where the answers go, before the first question.
  if (flags.save !== undefined) formatFor(flags.save, '--save');
  const saveExists = flags.save !== undefined && checkWritableFile(flags.save, '--save');
  if (flags.adr !== undefined) checkWritableFolder(flags.adr, '--adr');
  const assembled = await knowledgeBaseWith(flags.kb);
  failOnIntegrityErrors(assembled, flags.kb);
  const { kb } = assembled;
  const prefilled = flags.from === undefined ? {} : await readPrefilled(flags.from);
  const style = await styleFor(wantsColor(flags.color, process.env, process.stdout.isTTY === true));
  const { inquirerAdapter } = await import('../prompts/inquirer.js');
  const prompts = inquirerAdapter(style, width);
  try {
    const say = (text: string) => writeStdout(style.dim(wrapText(text, width)));
    say(
      `Enter accepts the value shown in brackets; an empty answer or "-" leaves a field not ` +
        `stated; ${NAVIGATION_HINT}.`,
    );
    if (saveExists && !flags.force) say(`${flags.save} exists: you will be asked before it is replaced.`);
    const document = await runQuestionnaire(
      prompts,
      prefilled,
      kb.brokers.map((b) => b.id),
    );
    const requirements = await validateRequirements(document, '(answers)', {
      data: document,
      format: 'json',
      locate: () => undefined,
    });
    checkExperience(requirements, kb, '(answers)');
    const result = recommend(requirements, kb, { sensitivity: {} });
    writeStdout(
      (await RENDERERS.table())(result, { style, explain: false, ...(width !== undefined ? { width } : {}) }),
    );
    await saveAnswers(flags.save ?? (await offerSave(prompts)), document, flags.force, prompts);
    if (flags.adr !== undefined && result.recommendation) {
      const { writeAdrFor } = await import('./adr.js');
      writeStdout(`wrote ${await writeAdrFor(requirements, kb, result, flags.adr, today())}`);
    } else if (flags.adr !== undefined) {
      writeStderr('mqselect: no broker meets the hard constraints, so no ADR was written');
    }
    return result.recommendation ? EXIT.ok : EXIT.negative;
  } catch (error) {
    // inquirer signals Ctrl-C with ExitPromptError: nothing has been written at that point.
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError')
      throw cancelledError();
    throw error;
  }
}

async function readPrefilled(path: string): Promise<Record<string, unknown>> {
  const { file, text } = await readInput(path, LIMITS.requirementsBytes);
  return (await parseRequirementsText(text, file)) as Requirements as Record<string, unknown>;
}

function formatFor(path: string, option = 'the file name'): 'json' | 'yaml' {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  throw usageError(`${option} ${path}: the file name must end in .yaml, .yml or .json`);
}

/** A name that is valid and free, as a suggestion: x.yaml -> x-2.yaml, x-3.yaml … */
function freeName(path: string): string {
  const ext = extname(path);
  // In its folder if there is one, else in the current folder.
  const stem = join(existsSync(dirname(path)) ? dirname(path) : '.', basename(path, ext)).replace(/-\d+$/, '');
  for (let n = 2; ; n++) if (!existsSync(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
}

/** A file name for the answers (validated as typed); '' means "do not save". */
async function askName(
  prompts: PromptAdapter,
  message: string,
  suggestion: string,
  allowEmpty: boolean,
): Promise<string | undefined> {
  const name = await prompts.text(
    {
      message,
      hint:
        `.yaml or .json; written atomically, never replacing a file without asking` +
        `${allowEmpty ? '; empty: do not save' : ''}`,
      default: suggestion,
    },
    (raw) => {
      if (allowEmpty && raw.trim() === '') return true;
      try {
        formatFor(raw.trim());
        checkWritableFile(raw.trim(), 'the file');
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  );
  return name.trim() === '' ? undefined : name.trim();
}

async function offerSave(prompts: PromptAdapter): Promise<string | undefined> {
  if (
    !(await prompts.confirm({
      message: 'Save these answers as a requirements file?',
      hint: 'so the decision can be revisited with ask --from or re-run with recommend',
      default: true,
    }))
  )
    return undefined;
  return askName(prompts, 'File name (.yaml or .json)', 'requirements.yaml', false);
}

/**
 * Writes the answers; an existing file is replaced only with --force or after a yes. A declined
 * replacement or a failed write offers another name (empty = do not save), so the answers are kept.
 */
async function saveAnswers(
  first: string | undefined,
  document: Record<string, unknown>,
  force: boolean,
  prompts: PromptAdapter,
): Promise<void> {
  for (let target = first, forced = force; target !== undefined; forced = false) {
    const text =
      formatFor(target) === 'json'
        ? `${JSON.stringify(document, null, 2)}\n`
        : (await loadYaml()).stringify(document, { lineWidth: 0 });
    const exists = existsSync(target);
    const replace =
      forced ||
      (exists &&
        (await prompts.confirm({
          message: `${target} exists. Replace it?`,
          hint: 'the old file is replaced in one step, never half-written',
          default: false,
        })));
    if (!exists || replace) {
      try {
        await writeFileAtomic(target, text, replace);
        writeStdout(`saved ${target}`);
        return;
      } catch (error) {
        if (!(error instanceof MqselectError)) throw error;
        writeStderr(`mqselect: ${oneLine(error.toUserLine())}`);
      }
    } else writeStderr(`mqselect: ${oneLine(target)}: left as it was`);
    target = await askName(prompts, 'Save the answers under another name?', freeName(target), true);
    if (target === undefined) writeStderr('mqselect: the answers were not saved');
  }
}

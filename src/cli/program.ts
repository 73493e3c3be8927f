import { Argument, Command, Option } from 'commander';
import { CRITERIA } from '../engine/types.js';
import { usageError, type ExitCode } from '../errors.js';
import { RECOMMEND_FORMATS } from '../render/index.js';
import { SCHEMA_NAMES, type SchemaName } from '../schemas/names.js';
import { helpFooter } from './help.js';
import { collect, localDate } from './options.js';
import { addAdrCommands } from './program-adr.js';
import { addKbCommands } from './program-kb.js';
import { terminalWidth } from './width.js';
import { SHELLS, type Shell } from './completion-shells.js';
import { VERSION } from './version.js';

/** Every command and option of mqselect; each action loads its command module on first use. */
export function program(setExit: (code: ExitCode) => void): Command {
  const root = new Command('mqselect')
    .description(
      'Choose a message queue (ActiveMQ, RabbitMQ, RocketMQ, Kafka) from declared requirements, with sourced reasons.',
    )
    .version(versionText())
    .helpCommand(false)
    .option('--verbose', 'show stack traces for internal errors')
    .exitOverride()
    .configureOutput({
      // One line, like every other error: "mqselect: <what> (see mqselect --help)".
      outputError: (text, write) => write(`mqselect: ${text.trim().replace(/^error: /, '')} (see mqselect --help)\n`),
      getOutHelpWidth: helpWidth,
    });

  root
    .command('recommend')
    .description('rank the brokers for a requirements file (YAML or JSON; "-" reads stdin), or for many with --batch')
    .argument('[file]', 'requirements file, format v1, or - for stdin')
    .option(
      '--batch <file>',
      'JSON array or NDJSON of requirement objects ("-" for stdin); writes NDJSON, one line per record',
    )
    .option(
      '--set <path=value>',
      'override a field of the input, e.g. --set workload.peakMessagesPerSecond=2e6 (repeatable)',
      collect,
      [],
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(RECOMMEND_FORMATS).default('table'))
    .option('--kb <file>', 'add or override knowledge-base files (repeatable)', collect, [])
    .option('-w, --weight <name=n>', `override a weight 0..10 (repeatable; ${CRITERIA.join(', ')})`, collect, [])
    .option('--explain', 'print every contribution to every score (html: every contribution table starts open)', false)
    .option(
      '-o, --output <file>',
      'write to this file instead of stdout (atomically; an existing file only with --force)',
    )
    .option('--force', 'replace an existing --output file', false)
    .option('--no-sensitivity', 'skip the "what would change the answer" analysis (single file)')
    .option('--sensitivity', 'add the analysis to every --batch record (off by default there)')
    .addOption(
      new Option('--detail <level>', '--batch records: summary (no explanation text) or full')
        .choices(['summary', 'full'])
        .default('summary'),
    )
    .option('--robustness <n>', 'random weight vectors for the robustness share (0 = none)', '1000')
    .option('--seed <n>', 'seed of the robustness sampling', '1')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--width <n>', 'wrap to N columns (0 = never); default: the terminal width on a terminal, none when piped')
    .action(async (file: string | undefined, flags, command: Command) => {
      if ((file === undefined) === (flags.batch === undefined))
        throw usageError('give either a requirements FILE or --batch FILE (see mqselect recommend --help)');
      if (flags.batch !== undefined) {
        if (flags.format !== 'table' || flags.explain || flags.output !== undefined)
          throw usageError('--batch always writes NDJSON to stdout; --format, --explain and --output do not apply');
        const { runBatch } = await import('./commands/batch.js');
        // In batch the analysis is opt-in: only an explicit --sensitivity turns it on (commander defaults
        // the pair --sensitivity / --no-sensitivity to true).
        const explicit = command.getOptionValueSource('sensitivity') === 'cli';
        setExit(await runBatch(flags.batch, { ...flags, sensitivity: explicit && flags.sensitivity === true }));
        return;
      }
      const { runRecommend } = await import('./commands/recommend.js');
      setExit(await runRecommend(file!, flags));
    });

  root
    .command('ask')
    .description('answer a questionnaire in the terminal, see the recommendation, save the answers (and an ADR)')
    .option('--from <file>', 'pre-fill every answer from a requirements file, to revisit a decision')
    .option('--save <file>', 'write the answers to this .yaml or .json file (otherwise offered at the end)')
    .option('--force', 'replace an existing --save file without asking', false)
    .option('--adr <dir>', 'also write an ADR for the result into this folder')
    .option('--kb <file>', 'add or override knowledge-base files (repeatable)', collect, [])
    .option('--no-color', 'no colour, even on a terminal')
    .option('--width <n>', 'wrap to N columns (0 = never); default: the terminal width on a terminal, none when piped')
    .action(async (flags) => {
      const { runAsk } = await import('./commands/ask.js');
      setExit(await runAsk(flags, () => localDate(new Date())));
    });

  root
    .command('compare')
    .description(
      'the knowledge base side by side: ratings, figures, capabilities per profile, protocols, cluster modes, sources',
    )
    .argument('[brokers...]', 'broker ids, any case (all when none): activemq, kafka, rabbitmq, rocketmq')
    .addOption(new Option('-f, --format <format>', 'output format').choices(RECOMMEND_FORMATS).default('table'))
    .option(
      '-o, --output <file>',
      'write to this file instead of stdout (atomically; an existing file only with --force)',
    )
    .option('--force', 'replace an existing --output file', false)
    .option('--kb <file>', 'add or override knowledge-base files (repeatable)', collect, [])
    .option('--no-color', 'no colour, even on a terminal')
    .option('--width <n>', 'wrap to N columns (0 = never); default: the terminal width on a terminal, none when piped')
    .action(async (brokers: string[], flags) => {
      const { runCompare } = await import('./commands/compare.js');
      setExit(await runCompare(brokers, flags));
    });

  root
    .command('schema')
    .description('print a JSON Schema, generated from the schemas mqselect validates with')
    .addArgument(new Argument('<name>', 'which document').choices(SCHEMA_NAMES))
    .action(async (name: SchemaName) => {
      const { runSchema } = await import('./commands/schema.js');
      setExit(await runSchema(name));
    });

  addAdrCommands(root, setExit);
  addKbCommands(root, setExit);

  root
    .command('completion')
    .description('print a shell completion script (commands, options, broker ids, option values)')
    .addArgument(new Argument('<shell>', 'the shell').choices(SHELLS))
    .action(async (shell: Shell) => {
      const { runCompletion } = await import('./commands/completion.js');
      setExit(await runCompletion(shell, root));
    });

  // "mqselect help adr new": help for any command path (commander's own help command stops at the first word).
  root
    .command('help')
    .description('display help for a command, e.g. mqselect help adr new')
    .argument('[command...]', 'the command path')
    .action((names: string[]) => {
      let command = root;
      for (const name of names) {
        const sub = command.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!sub) throw usageError(`help: unknown command "${names.join(' ')}" (see mqselect --help)`);
        command = sub;
      }
      command.outputHelp();
    });

  // Every command's help ends with examples and its exit codes (help.ts), worded only when shown.
  const footers = (command: Command, path: string) => {
    command.addHelpText('after', () => helpFooter(path, helpWidth()));
    for (const sub of command.commands)
      if (sub.name() !== 'help') footers(sub, path === 'mqselect' ? sub.name() : `${path} ${sub.name()}`);
  };
  footers(root, 'mqselect');
  return root;
}

declare const __SHIPPED_KB_LABEL__: string | undefined;

/** "0.1.0", then the knowledge base compiled into this build (the first line stays the bare version, for scripts). */
function versionText(): string {
  return typeof __SHIPPED_KB_LABEL__ === 'string' ? `${VERSION}\nknowledge base ${__SHIPPED_KB_LABEL__}` : VERSION;
}

/** Help fits the terminal (COLUMNS too); piped, it keeps commander's 80 columns. */
const helpWidth = () => (process.stdout.isTTY ? terminalWidth(process.env, process.stdout) : 80);

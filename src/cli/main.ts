import { Argument, Command, CommanderError, Option } from 'commander';
import { CRITERIA } from '../engine/types.js';
import { EXIT, MqselectError, usageError, type ExitCode } from '../errors.js';
import { RECOMMEND_FORMATS } from '../render/index.js';
import { SCHEMA_NAMES, type SchemaName } from '../schemas/names.js';
import { oneLine } from '../render/text.js';
import { writeStderr } from './io.js';
import { helpFooter } from './help.js';
import { collect } from './options.js';
import { terminalWidth } from './width.js';
import { SHELLS, type Shell } from './completion-shells.js';
import { VERSION } from './version.js';

/**
 * The entry point: builds the program, runs one command, and maps every outcome to an exit code.
 * The only place that ends the process; commands return exit codes and throw MqselectError.
 */

function program(setExit: (code: ExitCode) => void): Command {
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

  const adr = root.command('adr').description('architecture decision records (MADR 4) that CI can re-check');
  adr
    .command('new')
    .description(
      'write NNNN-title.md from a requirements file: the ranking, the decision, its cluster mode and an embedded ' +
        'block for adr check',
    )
    .argument('<file>', 'requirements file, format v1, or - for stdin')
    .option('--dir <dir>', 'where the ADRs live', 'docs/decisions')
    .option('--title <title>', 'ADR title (default: "Use <broker> (<profile>) for <requirements title>")')
    .addOption(
      new Option('--status <status>', 'status in the front matter')
        .choices(['proposed', 'accepted'])
        .default('proposed'),
    )
    .option('--date <YYYY-MM-DD>', 'date in the front matter (default: today); makes the output reproducible')
    .option('--decision-makers <names>', 'comma-separated names', splitList, [])
    .option('--consulted <names>', 'comma-separated names', splitList, [])
    .option('--informed <names>', 'comma-separated names', splitList, [])
    .option('--choose <broker>', 'record a human decision for another ranked broker than the first (needs --because)')
    .option('--because <text>', 'why the human decision differs from the top rank')
    .option('--supersedes <n>', 'mark ADR number N as superseded by this one (edits only its status line)')
    .option('--kb <file>', 'add or override knowledge-base files (repeatable)', collect, [])
    .option('-w, --weight <name=n>', 'override a weight 0..10 (repeatable)', collect, [])
    .option('--set <path=value>', 'override a field of the input (repeatable)', collect, [])
    .option('--robustness <n>', 'random weight vectors for the robustness share', '1000')
    .option('--seed <n>', 'seed of the robustness sampling', '1')
    .option('--html', 'also write the recommendation as an HTML report beside the ADR (NNNN-title.html)', false)
    .action(async (file: string, flags) => {
      const { runAdrNew } = await import('./commands/adr.js');
      setExit(await runAdrNew(file, flags, () => localDate(new Date())));
    });
  adr
    .command('check')
    .description(
      're-run every ADR with an mqselect block; exit 1 on findings at or above --fail-on (others are skipped and ' +
        'counted)',
    )
    .argument('[paths...]', 'ADR files or directories (default: docs/decisions)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'github']).default('text'))
    .addOption(
      new Option('--fail-on <severity>', 'lowest severity that fails the check')
        .choices(['error', 'warning'])
        .default('error'),
    )
    .option(
      '--root <dir>',
      'where recorded extra KB paths start (default: the repository root above each ADR, else its folder)',
    )
    .option(
      '--kb <file>',
      'a knowledge-base file standing in for a recorded one of the same name (repeatable)',
      collect,
      [],
    )
    .action(async (paths: string[], flags) => {
      const { runAdrCheck } = await import('./commands/adr-check.js');
      setExit(await runAdrCheck(paths, flags));
    });

  const kb = root.command('kb').description('inspect and validate the knowledge base');
  kb.command('validate')
    .description('validate the shipped knowledge base, or it plus the given files; exit 1 on integrity errors')
    .argument('[files...]', 'extra knowledge-base files (broker or rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (files: string[], flags) => {
      const { runKbValidate } = await import('./commands/kb.js');
      setExit(await runKbValidate(files, flags));
    });
  kb.command('cases')
    .description(
      'run the engine on the case library of real decisions and report agreement (top-1, top-2, must-not ' +
        'violations, misses)',
    )
    .option('--kb <file>', 'add or override knowledge-base files, e.g. a changed model.yaml (repeatable)', collect, [])
    .option('--cases <dir>', 'another folder of case files (default: the shipped library in data/cases)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--fail-under <percent>', 'exit 1 when top-1 agreement is below this share (for CI)')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--width <n>', 'wrap to N columns (0 = never); default: the terminal width on a terminal, none when piped')
    .action(async (flags) => {
      const { runKbCases } = await import('./commands/kb.js');
      setExit(await runKbCases(flags));
    });
  kb.command('show')
    .description(
      'print what the knowledge base says about a broker, with sources (all brokers when none given), or the ' +
        'scoring model',
    )
    .argument('[broker]', 'broker id, any case: activemq, rabbitmq, rocketmq, kafka')
    .option('--model', 'print the scoring model instead: every weight, threshold and curve with its why')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--kb <file>', 'add or override knowledge-base files (repeatable)', collect, [])
    .option('--no-color', 'no colour, even on a terminal')
    .option('--width <n>', 'wrap to N columns (0 = never); default: the terminal width on a terminal, none when piped')
    .action(async (broker: string | undefined, flags) => {
      const { runKbShow } = await import('./commands/kb.js');
      setExit(await runKbShow(broker, flags));
    });

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

const splitList = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** Today in the local time zone, as people write dates in ADRs. */
function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function main(argv: string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  // A reader that stops early (| head) closes the pipe: that is not an error of ours. Any other failed
  // write (a full disk, /dev/full, a closed descriptor) is: one line on stderr and exit 2, never a stack
  // trace or exit 1 (which means "no feasible broker").
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    writeStderr(`mqselect: cannot write the output: ${errnoText(error)}`);
    process.exit(EXIT.usage);
  });
  // stderr is where errors would be reported; when it cannot be written, there is nowhere left to say so,
  // and the exit code must stay the one the command chose.
  process.stderr.on('error', () => undefined);
  process.on('SIGINT', function cancel() {
    writeStderr('mqselect: cancelled');
    // End by the signal itself, as a well-behaved program does: the shell reports 130 and a calling loop
    // stops too. process.exit() would wait for a read still blocked on a FIFO that has no writer.
    process.off('SIGINT', cancel);
    process.kill(process.pid, 'SIGINT');
    process.exit(EXIT.cancelled);
  });
  const verbose = argv.includes('--verbose');
  try {
    await program((c) => (code = c)).parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof MqselectError) {
      writeStderr(`mqselect: ${oneLine(error.toUserLine())}`);
      if (verbose && error.stack) writeStderr(error.stack);
      return error.exitCode;
    }
    const internal = usageError(
      `internal error: ${(error as Error).message ?? String(error)}${verbose ? '' : ' (run with --verbose for details)'}`,
    );
    writeStderr(`mqselect: ${oneLine(internal.message)}`);
    if (verbose) writeStderr((error as Error).stack ?? '');
    return EXIT.usage;
  }
}

/** "no space left on device (ENOSPC)" from "ENOSPC: no space left on device, write". */
function errnoText(error: NodeJS.ErrnoException): string {
  const text = error.message.replace(/^[A-Z]+: /, '').replace(/, \w+$/, '');
  return error.code ? `${text} (${error.code})` : text;
}

// If the event loop ran dry before main() settled (a promise that never resolves), that is an internal
// error, not a success: say so and exit 2 rather than 0.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  settled = true;
  writeStderr('mqselect: internal error: the command stopped before it finished (run with --verbose for details)');
  process.exitCode = EXIT.usage;
});
void main(process.argv).then((code) => {
  settled = true;
  process.exitCode = code;
});

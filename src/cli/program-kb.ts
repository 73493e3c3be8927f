import { Command, Option } from 'commander';
import type { ExitCode } from '../errors.js';
import { collect } from './options.js';

/** `mqselect kb validate | cases | show`: inspect and validate the knowledge base. */
export function addKbCommands(root: Command, setExit: (code: ExitCode) => void): void {
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
}

import { Command, Option } from 'commander';
import type { ExitCode } from '../errors.js';
import { collect, localDate, splitList } from './options.js';

/** `mqselect adr new` and `adr check`: architecture decision records (MADR 4) that CI can re-check. */
export function addAdrCommands(root: Command, setExit: (code: ExitCode) => void): void {
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
}

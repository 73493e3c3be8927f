import { EXIT, type ExitCode } from '../errors.js';
import { wrapWords } from '../render/wrap.js';

/**
 * The end of every command's --help: examples, and the rows of the one exit-code table (DESIGN.md,
 * README) that apply to it, in the table's words. Kept beside main.ts so a new command gets both.
 */
const MEANING: Record<ExitCode, string> = {
  [EXIT.ok]: 'success',
  [EXIT.negative]: 'the answer is negative',
  [EXIT.usage]: 'usage error or unreadable / invalid input',
  [EXIT.cancelled]: 'cancelled with Ctrl-C',
};

interface CommandHelp {
  examples: string[];
  /** What 1 (and 0, 2 where it says more than the general meaning) means for this command. */
  exits: Partial<Record<ExitCode, string>>;
}

const COMMAND_HELP: Record<string, CommandHelp> = {
  mqselect: {
    examples: [
      'mqselect recommend examples/log-pipeline.yaml',
      'mqselect ask --save reqs.yaml',
      'mqselect adr check docs/decisions --format github',
      'mqselect help adr new',
    ],
    exits: { [EXIT.negative]: 'no feasible broker, adr check findings, kb validate integrity errors' },
  },
  recommend: {
    examples: [
      'mqselect recommend examples/task-queue.json',
      'mqselect recommend reqs.yaml --format json --set workload.peakMessagesPerSecond=2e6',
      "jq -c '.[]' scenarios.json | mqselect recommend --batch -",
    ],
    exits: {
      [EXIT.negative]: 'no broker meets the hard constraints (the result says why)',
      [EXIT.usage]: 'usage error or invalid input; with --batch, any invalid record (valid ones are still written)',
    },
  },
  ask: {
    examples: ['mqselect ask --save reqs.yaml', 'mqselect ask --from reqs.yaml --save reqs.yaml --adr docs/decisions'],
    exits: {
      [EXIT.negative]: 'no broker meets the hard constraints',
      [EXIT.usage]: 'usage error, invalid input, or no terminal on stdin',
    },
  },
  compare: { examples: ['mqselect compare', 'mqselect compare kafka rabbitmq --format markdown'], exits: {} },
  schema: { examples: ['mqselect schema requirements > requirements.schema.json'], exits: {} },
  adr: {
    examples: ['mqselect adr new reqs.yaml --dir docs/decisions', 'mqselect adr check'],
    exits: { [EXIT.negative]: 'adr new: no feasible broker; adr check: findings' },
  },
  'adr new': {
    examples: [
      'mqselect adr new reqs.yaml --decision-makers "Ana, Lee"',
      'mqselect adr new reqs.yaml --choose rocketmq --because "the team runs it for payments"',
    ],
    exits: {
      [EXIT.ok]: 'the ADR was written (its path on stdout)',
      [EXIT.negative]: 'no broker meets the hard constraints: nothing written',
    },
  },
  'adr check': {
    examples: [
      'mqselect adr check',
      'mqselect adr check docs/decisions --format github --fail-on warning',
      'mqselect adr check --kb ci/our-rules.yaml',
    ],
    exits: {
      [EXIT.ok]: 'nothing at or above --fail-on',
      [EXIT.negative]: 'findings at or above --fail-on',
      [EXIT.usage]: 'an unreadable ADR, a malformed block or one that needs a newer mqselect; a --kb no decision uses',
    },
  },
  kb: {
    examples: ['mqselect kb show kafka', 'mqselect kb validate our-broker.yaml'],
    exits: { [EXIT.negative]: 'kb validate: integrity errors; kb cases: below --fail-under' },
  },
  'kb validate': {
    examples: ['mqselect kb validate', 'mqselect kb validate pulsar.yaml --format json'],
    exits: {
      [EXIT.negative]: 'integrity errors',
      [EXIT.usage]: 'a file unreadable or failing the schema (every problem listed)',
    },
  },
  'kb cases': {
    examples: ['mqselect kb cases', 'mqselect kb cases --kb my-model.yaml --fail-under 80'],
    exits: { [EXIT.negative]: 'top-1 agreement below --fail-under' },
  },
  'kb show': { examples: ['mqselect kb show', 'mqselect kb show RabbitMQ --kb our-rabbitmq.yaml'], exits: {} },
  completion: {
    examples: [
      'mqselect completion bash > ~/.local/share/bash-completion/completions/mqselect',
      'mqselect completion zsh > "${fpath[1]}/_mqselect"',
      'mqselect completion fish > ~/.config/fish/completions/mqselect.fish',
    ],
    exits: {},
  },
};

/**
 * "Examples:" and "Exit codes:" for the command at this path ("adr new"), as help text after the options, wrapped as
 * the help is.
 */
export function helpFooter(path: string, width: number): string {
  const help = COMMAND_HELP[path];
  if (!help) return '';
  const exits = [
    EXIT.ok,
    ...(EXIT.negative in help.exits ? [EXIT.negative] : []),
    EXIT.usage,
    EXIT.cancelled,
  ] as ExitCode[];
  // Continuation lines hang under the text, as commander's own option descriptions do.
  const hang = (first: string, text: string) =>
    wrapWords(text, Math.max(20, width - first.length)).map(
      (line, i) => `${i === 0 ? first : ' '.repeat(first.length)}${line}`,
    );
  return [
    '',
    'Examples:',
    ...help.examples.flatMap((e) => hang('  $ ', e)),
    '',
    'Exit codes:',
    ...exits.flatMap((code) => hang(`  ${String(code).padEnd(3)}  `, help.exits[code] ?? MEANING[code])),
  ].join('\n');
}

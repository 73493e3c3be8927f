import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../../errors.js';
import { CRITERIA } from '../../requirements/vocabulary.js';
import type { Shell } from '../completion-shells.js';
import { writeStdout } from '../io.js';
import { shippedKnowledgeBase } from '../shipped-kb.js';

/**
 * `mqselect completion bash|zsh|fish`: a completion script made from the command tree itself (commands,
 * options, choices), the broker ids of the shipped KB, the criteria of --weight and the fields of --set.
 * Nothing is listed by hand, so a new option completes without touching this file.
 */
type Values = { words: string[] } | { files: 'file' | 'dir' } | { none: true };

interface Spec {
  /** "adr new" */
  path: string;
  description: string;
  subcommands: Array<{ name: string; description: string }>;
  options: Array<{ flags: string[]; description: string; values?: Values }>;
  /** What a positional argument completes to. */
  operands: Values;
}

const FILE_OPTIONS = new Set(['--kb', '--from', '--save', '--batch']);
const DIR_OPTIONS = new Set(['--dir', '--root', '--cases', '--adr']);

async function specs(root: Command): Promise<Spec[]> {
  const brokers = (await shippedKnowledgeBase()).brokers.map((b) => b.id);
  const { requirementLeaves } = await import('../../requirements/paths.js');
  const setPaths = [...requirementLeaves().keys()]
    .filter((p) => p !== '$schema' && p !== 'version')
    .map((p) => `${p}=`);
  const valuesOf = (long: string | undefined, choices: readonly string[] | undefined): Values | undefined => {
    if (choices) return { words: [...choices] };
    if (long === '--choose') return { words: brokers };
    if (long === '--weight') return { words: CRITERIA.map((c) => `${c}=`) };
    if (long === '--set') return { words: setPaths };
    if (long && FILE_OPTIONS.has(long)) return { files: 'file' };
    if (long && DIR_OPTIONS.has(long)) return { files: 'dir' };
    return undefined;
  };
  const out: Spec[] = [];
  const visit = (command: Command, path: string) => {
    const argument = command.registeredArguments[0];
    const operand = argument?.name();
    out.push({
      path,
      description: command.description(),
      subcommands: command.commands.map((c) => ({ name: c.name(), description: c.description() })),
      options: [
        ...command.options.map((o) => {
          const values =
            o.required || o.optional ? (valuesOf(o.long, o.argChoices) ?? { none: true as const }) : undefined;
          return {
            flags: [o.short, o.long].filter((f): f is string => f !== undefined),
            description: o.description,
            ...(values ? { values } : {}),
          };
        }),
        { flags: ['-h', '--help'], description: 'display help for command' },
      ],
      operands: argument?.argChoices
        ? { words: [...argument.argChoices] }
        : operand === 'brokers' || operand === 'broker'
          ? { words: brokers }
          : operand === 'command'
            ? { words: root.commands.map((c) => c.name()) }
            : operand === undefined
              ? { none: true }
              : { files: 'file' },
    });
    for (const sub of command.commands) visit(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  visit(root, '');
  return out;
}

export async function runCompletion(shell: Shell, root: Command): Promise<ExitCode> {
  const all = await specs(root);
  writeStdout(shell === 'bash' ? bash(all) : shell === 'zsh' ? zsh(all) : fish(all));
  return EXIT.ok;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const takesValue = (all: Spec[]) => [
  ...new Set(all.flatMap((s) => s.options.filter((o) => o.values).flatMap((o) => o.flags))),
];
/** One `case` arm per command path that `pick` gives a body (bash and zsh alike). */
const caseArms = (all: Spec[], pick: (s: Spec) => string | undefined) =>
  all
    .map((s) => [s, pick(s)] as const)
    .filter(([, body]) => body !== undefined)
    .map(([s, body]) => `    ${quote(s.path)}) ${body} ;;`)
    .join('\n');
/** One `case` arm per "command path|option" whose option takes a value (bash and zsh alike). */
const optionValueArms = (all: Spec[], complete: (values: Values | undefined) => string) =>
  all
    .flatMap((s) =>
      s.options
        .filter((o) => o.values)
        .flatMap((o) => o.flags.map((flag) => `    ${quote(`${s.path}|${flag}`)}) ${complete(o.values)} ;;`)),
    )
    .join('\n');

/** The shared shell logic: find the command path (skipping option values), then complete what comes next. */
function bash(all: Spec[]): string {
  const cases = (pick: (s: Spec) => string | undefined) => caseArms(all, pick);
  // Nothing in COMPREPLY falls back to file names (complete -o default).
  const words = (values: Values | undefined) =>
    values === undefined || 'none' in values || ('files' in values && values.files === 'file')
      ? 'return 0'
      : 'files' in values
        ? 'COMPREPLY=($(compgen -d -- "$cur")); return 0'
        : `${values.words.some((w) => w.endsWith('=')) ? 'compopt -o nospace 2>/dev/null; ' : ''}` +
          `COMPREPLY=($(compgen -W ${quote(values.words.join(' '))} -- "$cur")); return 0`;
  const optionValues = optionValueArms(all, words);
  return `# bash completion for mqselect (generated by: mqselect completion bash)
# Install: mqselect completion bash > ~/.local/share/bash-completion/completions/mqselect
_mqselect() {
  local cur prev cmdpath i word takes
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  cmdpath=""
  takes=" ${takesValue(all).join(' ')} "
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ "$word" == -* ]]; then
      [[ "$takes" == *" $word "* && "$word" != *=* ]] && ((i++))
      continue
    fi
    case " $(_mqselect_subcommands "$cmdpath") " in
      *" $word "*) cmdpath="\${cmdpath:+$cmdpath }$word" ;;
    esac
  done
  case "$cmdpath|$prev" in
${optionValues}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
${cases((s) => `COMPREPLY=($(compgen -W ${quote(s.options.flatMap((o) => o.flags).join(' '))} -- "$cur"))`)}
    esac
    return 0
  fi
  local subs
  subs="$(_mqselect_subcommands "$cmdpath")"
  if [[ -n "$subs" ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    return 0
  fi
  case "$cmdpath" in
${cases((s) => words(s.operands))}
  esac
}
_mqselect_subcommands() {
  case "$1" in
${cases((s) => (s.subcommands.length > 0 ? `echo ${quote(s.subcommands.map((c) => c.name).join(' '))}` : undefined))}
  esac
}
complete -o default -F _mqselect mqselect
`;
}

function zsh(all: Spec[]): string {
  const described = (items: Array<{ name: string; description: string }>) =>
    items.map((i) => quote(`${i.name.replace(/:/g, '\\:')}:${i.description}`)).join(' ');
  const values = (v: Values | undefined) =>
    v === undefined || 'none' in v
      ? 'return 0'
      : 'files' in v
        ? v.files === 'dir'
          ? '_files -/; return'
          : '_files; return'
        : `compadd${v.words.some((w) => w.endsWith('=')) ? " -S ''" : ''} -- ${v.words.map(quote).join(' ')}; return`;
  const arms = (pick: (s: Spec) => string | undefined) => caseArms(all, pick);
  const descend = (s: Spec) =>
    `[[ " ${s.subcommands.map((c) => c.name).join(' ')} " == *" $word "* ]] && cmdpath="\${cmdpath:+$cmdpath }$word"`;
  const flagsOf = (s: Spec) =>
    s.options.flatMap((o) => o.flags.map((flag) => ({ name: flag, description: o.description })));
  const subs = (s: Spec) => `subs=(${described(s.subcommands)}); _describe command subs; return`;
  return `#compdef mqselect
# zsh completion for mqselect (generated by: mqselect completion zsh)
# Install: mqselect completion zsh > "\${fpath[1]}/_mqselect" (or source it after compinit)
_mqselect() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmdpath="" word i
  local -a subs opts
  local takes=" ${takesValue(all).join(' ')} "
  for ((i = 2; i < CURRENT; i++)); do
    word="\${words[i]}"
    if [[ "$word" == -* ]]; then
      [[ "$takes" == *" $word "* ]] && ((i++))
      continue
    fi
    case "$cmdpath" in
${arms((s) => (s.subcommands.length > 0 ? descend(s) : undefined))}
    esac
  done
  case "$cmdpath|$prev" in
${optionValueArms(all, values)}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmdpath" in
${arms((s) => `opts=(${described(flagsOf(s))}); _describe option opts`)}
    esac
    return
  fi
  case "$cmdpath" in
${arms((s) => (s.subcommands.length > 0 ? subs(s) : undefined))}
  esac
  case "$cmdpath" in
${arms((s) => values(s.operands))}
  esac
}
if [[ "\${funcstack[1]}" == _mqselect ]]; then _mqselect "$@"; else compdef _mqselect mqselect; fi
`;
}

function fish(all: Spec[]): string {
  const lines = [
    '# fish completion for mqselect (generated by: mqselect completion fish)',
    '# Install: mqselect completion fish > ~/.config/fish/completions/mqselect.fish',
    'complete -c mqselect -f',
  ];
  // "On this command path and not below it": each word of the path seen, none of its subcommands yet.
  const on = (s: Spec) => {
    const parts =
      s.path === '' ? ['__fish_use_subcommand'] : s.path.split(' ').map((w) => `__fish_seen_subcommand_from ${w}`);
    if (s.path !== '' && s.subcommands.length > 0)
      parts.push(`not __fish_seen_subcommand_from ${s.subcommands.map((c) => c.name).join(' ')}`);
    return quote(parts.join('; and '));
  };
  const args = (v: Values | undefined) =>
    v === undefined || 'none' in v ? '' : 'files' in v ? ' -F' : ` -x -a ${quote(v.words.join(' '))}`;
  for (const s of all) {
    for (const sub of s.subcommands)
      lines.push(`complete -c mqselect -n ${on(s)} -a ${quote(sub.name)} -d ${quote(sub.description)}`);
    for (const o of s.options) {
      const flags = o.flags.map((f) => (f.startsWith('--') ? `-l ${f.slice(2)}` : `-s ${f.slice(1)}`)).join(' ');
      lines.push(
        `complete -c mqselect -n ${on(s)} ${flags}${o.values ? args(o.values) || ' -x' : ''} ` +
          `-d ${quote(o.description)}`,
      );
    }
    if (s.subcommands.length === 0 && s.path !== '') {
      const a = args(s.operands);
      if (a !== '') lines.push(`complete -c mqselect -n ${on(s)}${a}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

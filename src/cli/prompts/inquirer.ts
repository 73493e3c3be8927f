import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { NOT_STATED, isSentinel, type PromptAdapter } from '../../requirements/prompt-adapter.js';
import { wrapLine } from '../../render/wrap.js';
import type { Style } from '../../render/style.js';

/**
 * The one place inquirer is used. Loaded only by `mqselect ask`, so other commands never pay for it.
 * A hint line goes before each question; an empty answer (or "-") means "not stated".
 */
export function inquirerAdapter(
  style: Style,
  width: number | undefined,
  output: NodeJS.WriteStream = process.stdout,
): PromptAdapter {
  // Hints are wrapped at word boundaries to the terminal, never cut mid-word by it.
  const hint = (text: string) =>
    output.write(
      `${wrapLine(`  ${text}`, width ?? Infinity)
        .map((line) => style.dim(line))
        .join('\n')}\n`,
    );
  return {
    section(title) {
      output.write(`\n${style.bold(title)}\n`);
    },
    show(text) {
      output.write(`${text}\n`);
    },
    async text(q, validate) {
      hint(q.hint);
      return input({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), validate });
    },
    async select(q) {
      hint(q.hint);
      return select({
        message: q.message,
        choices: q.choices.map((c) => ({ value: c.value, name: c.label })),
        ...(q.default !== undefined ? { default: q.default } : {}),
        pageSize: 12,
      });
    },
    async multi(q) {
      hint(`${q.hint} (space selects, enter confirms; "${NOT_STATED}" alone = not stated, nothing selected = none)`);
      const picked = await checkbox({
        message: q.message,
        choices: [
          { value: NOT_STATED, name: NOT_STATED, checked: q.defaults === undefined },
          ...q.choices.map((c) => ({ value: c.value, name: c.label, checked: q.defaults?.includes(c.value) ?? false })),
        ],
        validate: (items) => {
          const alone = items.find((i) => isSentinel(i.value));
          return alone && items.length > 1 ? `choose "${alone.name}" alone, or only values` : true;
        },
        pageSize: 16,
      });
      return picked.includes(NOT_STATED) ? undefined : picked;
    },
    async confirm(q) {
      hint(q.hint);
      return confirm({ message: q.message, default: q.default });
    },
  };
}

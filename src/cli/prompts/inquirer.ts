import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { NOT_STATED, type PromptAdapter } from '../../requirements/questionnaire.js';
import type { Style } from '../../render/style.js';

/**
 * The one place inquirer is used. Loaded only by `mqselect ask`, so other commands never pay for it.
 * A hint line goes before each question; an empty answer (or "-") means "not stated".
 */
export function inquirerAdapter(style: Style, output: NodeJS.WriteStream = process.stdout): PromptAdapter {
  const hint = (text: string) => output.write(`${style.dim(`  ${text}`)}\n`);
  return {
    section(title) {
      output.write(`\n${style.bold(title)}\n`);
    },
    async text(q, validate) {
      hint(q.hint);
      return input({ message: q.message, ...(q.default !== undefined ? { default: q.default } : {}), validate });
    },
    async select(q) {
      hint(q.hint);
      return select({ message: q.message, choices: q.choices.map((c) => ({ value: c.value, name: c.label })), ...(q.default !== undefined ? { default: q.default } : {}), pageSize: 12 });
    },
    async multi(q) {
      hint(`${q.hint} (space selects, enter confirms; "${NOT_STATED}" alone = not stated, nothing selected = none)`);
      const picked = await checkbox({
        message: q.message,
        choices: [{ value: NOT_STATED, name: NOT_STATED, checked: q.defaults === undefined }, ...q.choices.map((c) => ({ value: c.value, name: c.label, checked: q.defaults?.includes(c.value) ?? false }))],
        validate: (items) => (items.some((i) => i.value === NOT_STATED) && items.length > 1 ? `choose "${NOT_STATED}" alone, or only values` : true),
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

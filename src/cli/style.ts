import type { Style } from '../render/style.js';
import { PLAIN } from '../render/style.js';

/**
 * Colour only on a terminal: --no-color and NO_COLOR (non-empty) turn it off, FORCE_COLOR (not "0")
 * turns it on, TERM=dumb turns it off. chalk 5 ignores NO_COLOR, so the decision is made here.
 */
export function wantsColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false')
    return true;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTty;
}

export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    bold: chalk.bold,
    dim: chalk.dim,
    good: chalk.green,
    bad: chalk.red,
    warn: chalk.yellow,
    accent: chalk.cyan,
  };
}

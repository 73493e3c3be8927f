/** How renderers mark emphasis. The CLI passes chalk-backed functions on a terminal, PLAIN otherwise. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  accent(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: Style = { bold: same, dim: same, good: same, bad: same, warn: same, accent: same };

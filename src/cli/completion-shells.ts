/** The shells `mqselect completion` writes a script for (kept apart: main.ts needs only the names). */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Rounding for display and for the result contract: one definition for every engine module. */
export const round1 = (value: number) => Math.round(value * 10) / 10;
export const round3 = (value: number) => Math.round(value * 1000) / 1000;
export const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

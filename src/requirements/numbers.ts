/**
 * Numbers the way people type them: 50k, 1.5M, 2e6, 2_000, 2 000, 0.5, 3G (k = thousand, M = million,
 * G = billion). Shared by `--set` and the questionnaire so both accept the same forms. "B" is refused on
 * purpose: next to byte fields it would read as bytes. Returns undefined for anything else.
 */
const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };

export function parseHumanNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/(?<=\d)[_ ](?=\d)/g, '');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*([kKmMgG]?)$/.exec(cleaned);
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] ? SUFFIX[match[2]]! : 1);
  return Number.isFinite(value) ? value : undefined;
}

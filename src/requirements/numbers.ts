/**
 * Numbers the way people type them: 50k, 1.5M, 2e6, 2_000, 2 000, 0.5, 3G. Shared by `--set` and the
 * questionnaire so both accept the same forms. Returns undefined for anything else (the caller says why).
 */
const SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9, b: 1e9, B: 1e9 };

export function parseHumanNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/(?<=\d)[_ ](?=\d)/g, '');
  const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([kKmMgGbB]?)$/i.exec(cleaned);
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] ? SUFFIX[match[2]]! : 1);
  return Number.isFinite(value) ? value : undefined;
}

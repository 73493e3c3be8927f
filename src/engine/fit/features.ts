import type { Capability } from '../../kb/schema.js';
import type { Model } from '../../kb/model-schema.js';
import type { Requirements } from '../../requirements/schema.js';
import { FEATURES } from '../../requirements/vocabulary.js';
import { commercialAllowed } from '../constraints.js';
import { neededProtocols } from '../../requirements/protocols.js';
import { FEATURE_LABELS, PROTOCOL_LABELS } from '../labels.js';
import type { ResolvedProfile } from '../profiles.js';
import type { FitPart } from './parts.js';

/**
 * The features criterion: every required feature and protocol (how it is had: native, partial, a
 * pattern you build…) and every preferred feature. Profiles run side by side give a feature through the
 * best of them, a protocol only as well as the weakest of them (every flow must speak it).
 */
export function featureParts(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  asOf: string,
): FitPart[] {
  const supportFit = model.scales.support.value;
  const value = (c: Capability) =>
    c.support === 'commercial' && !commercialAllowed(requirements)
      ? 0
      : supportFit[c.support] * (isNew(c, model, asOf) ? model.maturity.newFactor.value : 1);
  const spec = model.criteria.features;
  const parts: FitPart[] = [];
  for (const feature of FEATURES) {
    const need = requirements.features?.[feature];
    if (need !== 'preferred' && need !== 'required' && need !== 'strict') continue;
    const best = profiles.map((p) => ({ p, c: p.capabilities[feature] })).sort((a, b) => value(b.c) - value(a.c))[0]!;
    const fit = value(best.c);
    parts.push({
      part: `features.${feature}`,
      weight: need === 'preferred' ? spec.preferred.weight : spec.required.weight,
      fit,
      text: () => ({
        observed:
          `${FEATURE_LABELS[feature]}: ${supportWords(best.c.support)}` +
          `${best.c.since ? ` since ${best.c.since}` : ''}` +
          (isNew(best.c, model, asOf) ? ` (new: ${best.c.preview ? 'preview' : `released ${best.c.released}`})` : '') +
          `${profiles.length > 1 ? ` (${best.p.profile.id})` : ''}`,
        expected: `${FEATURE_LABELS[feature]} ${need}`,
      }),
      reasonId: `support-${best.c.support}`,
      reason: best.c.note ?? '',
      confidence: 'high',
      sources: best.c.sources,
    });
  }
  for (const { protocols, anyOf, publishOnly } of neededProtocols(requirements)) {
    // Each alternative as well as the weakest profile of the set gives it; then the best alternative.
    // A publish-only protocol cannot serve consumers: it counts only when only producers need it.
    const protocolValue = (c: Capability) => (c.publishOnly && !publishOnly ? 0 : value(c));
    const options = protocols.map((protocol) => {
      const worst = profiles
        .map((p) => ({ p, c: p.protocols[protocol] }))
        .sort((a, b) => protocolValue(a.c) - protocolValue(b.c))[0]!;
      return { protocol, ...worst };
    });
    const best = options.sort((a, b) => protocolValue(b.c) - protocolValue(a.c))[0]!;
    parts.push({
      part: `protocols.${anyOf ? 'anyOf' : best.protocol}`,
      weight: spec.protocol.weight,
      fit: protocolValue(best.c),
      text: () => ({
        observed:
          `${PROTOCOL_LABELS[best.protocol]}: ${supportWords(best.c.support)}` +
          `${best.c.publishOnly ? ', publish only' : ''}` +
          `${profiles.length > 1 && best.c.support !== 'native' ? ` (${best.p.profile.id})` : ''}`,
        expected: anyOf
          ? `one of ${protocols.map((p) => PROTOCOL_LABELS[p]).join(', ')}`
          : `${PROTOCOL_LABELS[best.protocol]} ${publishOnly ? 'for producers' : 'required'}`,
      }),
      reasonId: `support-${best.c.support}`,
      reason: best.c.note ?? '',
      confidence: 'high',
      sources: best.c.sources,
    });
  }
  return parts;
}

const DAY_MS = 86_400_000;

/** A preview, or released within the model's maturity window before the KB's date (never the clock). */
export function isNew(
  item: { released?: string | undefined; preview?: boolean | undefined },
  model: Model,
  asOf: string,
): boolean {
  if (item.preview) return true;
  if (!item.released) return false;
  return (Date.parse(asOf) - Date.parse(item.released)) / DAY_MS <= model.maturity.newWithinDays.value;
}

const SUPPORT_WORDS: Record<Capability['support'], string> = {
  native: 'native',
  plugin: 'bundled plugin',
  partial: 'partial',
  commercial: 'commercial edition',
  deprecated: 'deprecated component',
  'via-pattern': 'you build it',
  none: 'none',
};
const supportWords = (support: Capability['support']) => SUPPORT_WORDS[support];

import type { Model } from '../../kb/model-schema.js';
import type { Requirements } from '../../requirements/schema.js';
import { canonicalLanguage, type Language } from '../../requirements/vocabulary.js';
import type { ResolvedProfile } from '../profiles.js';
import { round3 } from '../rounding.js';
import { neededProtocols } from '../../requirements/protocols.js';
import { ratingPart, type FitPart } from './parts.js';

/** Staff cost: the rating, the team's experience and languages, managed offerings and the product's momentum. */
/** The stated team languages the KB knows (aliases such as typescript or c# resolved), each once. */
function knownLanguages(requirements: Requirements): Language[] {
  const known: Language[] = [];
  for (const name of requirements.team?.languages ?? []) {
    const language = canonicalLanguage(name);
    if (language && !known.includes(language)) known.push(language);
  }
  return known;
}

export function staffCostParts(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart[] {
  const { broker } = resolved;
  const spec = model.criteria.staffCost;
  const clientFit = model.scales.clients.value;
  const parts = [ratingPart(resolved, 'staffCost', 'operations, community, skills', model, spec.rating.weight)];
  const experience = requirements.team?.experience ?? [];
  if (experience.length > 0) {
    const has = experience.includes(broker.id);
    parts.push({
      part: 'staffCost.experience',
      weight: spec.experience.weight,
      fit: has ? 1 : 0,
      text: () => ({
        observed: has
          ? `the team already operates ${broker.name}`
          : `the team operates ${experience.join(', ')}, not ${broker.name}`,
        expected: 'experience the team already has',
      }),
      reasonId: has ? 'team-experience' : 'no-team-experience',
      reason: has
        ? 'existing operational experience avoids a learning curve and a second platform'
        : 'a new platform to learn and run',
      confidence: 'high',
      sources: [],
    });
  }
  // Languages the KB has client data for (aliases resolved); others are left out, with a warning.
  const languages = knownLanguages(requirements);
  if (languages.length > 0) {
    type Client = { support: keyof typeof clientFit; source: string } | undefined;
    const clientFor = (language: Language) => resolved.clients[language] as Client;
    let total = 0;
    const sources: string[] = [];
    for (const language of languages) {
      const client = clientFor(language);
      total += clientFit[client?.support ?? 'none'];
      if (client && !sources.includes(client.source)) sources.push(client.source);
    }
    const fit = total / languages.length;
    parts.push({
      part: 'staffCost.languages',
      weight: spec.languages.weight,
      fit: round3(fit),
      text: () => ({
        observed: languages.map((l) => `${l}: ${clientFor(l)?.support ?? 'no client'}`).join(', '),
        expected: `clients for ${languages.join(', ')}`,
      }),
      reasonId: 'client-languages',
      reason:
        'official clients are maintained with the broker; community clients vary; protocol-only access loses features',
      confidence: 'high',
      sources,
    });
  }
  const source = sourceLanguagePart(resolved, languages, model);
  if (source) parts.push(source);
  const managed = managedPart(resolved, requirements, model);
  if (managed) parts.push(managed);
  const momentum = momentumPart(resolved, model);
  if (momentum) parts.push(momentum);
  return parts;
}

/**
 * Whether the broker is written in a language (or on a runtime) the team writes
 * (KB products[].implementationLanguages).
 * Judged only when the team writes one of the model's broker runtimes: otherwise no broker is one it can read, and
 * a part every broker fails would only dilute the staff-cost parts that do tell them apart.
 */
function sourceLanguagePart(resolved: ResolvedProfile, languages: Language[], model: Model): FitPart | undefined {
  const spec = model.criteria.staffCost.sourceLanguage;
  const runtimeOf = (l: Language) => spec.runtimes.find((r) => r.includes(l));
  if (!languages.some(runtimeOf)) return undefined;
  const product = productOf(resolved);
  const written = product.implementationLanguages;
  const shared = languages.filter((l) => written.some((w) => runtimeOf(w)?.includes(l)));
  return {
    part: 'staffCost.sourceLanguage',
    weight: spec.weight,
    fit: shared.length > 0 ? 1 : 0,
    text: () => ({
      observed: `${product.name} is written in ${written.join(', ')}`,
      expected: `a broker the team can read in ${languages.join(', ')}`,
    }),
    reasonId: shared.length > 0 ? 'source-in-team-language' : 'source-in-other-language',
    reason:
      shared.length > 0
        ? `the team can read, debug and extend the broker in ${shared.join(', ')}`
        : 'the team cannot read the broker in its own languages and depends on the community for every fix',
    confidence: 'high',
    sources: spec.source ? [spec.source] : [],
  };
}

const productOf = (resolved: ResolvedProfile) =>
  resolved.broker.products.find((p) => p.name === resolved.profile.product) ?? resolved.broker.products[0]!;

/** The product behind the profile: still developed, and how often released (KB products[].momentum). */
function momentumPart(resolved: ResolvedProfile, model: Model): FitPart | undefined {
  const product = productOf(resolved);
  const m = product.momentum;
  if (!m) return undefined;
  const few = model.momentum.fewReleases.value;
  const fit = model.momentum.status.value[m.status] * (m.releasesLast12Months < few.below ? few.factor : 1);
  return {
    part: 'staffCost.momentum',
    weight: model.criteria.staffCost.momentum.weight,
    fit: round3(fit),
    text: () => ({
      observed:
        `${product.name}: ${m.status}, ${m.releasesLast12Months} ` +
        `release${m.releasesLast12Months === 1 ? '' : 's'} in the last 12 months`,
      expected: 'an actively developed product',
    }),
    reasonId:
      m.status === 'active'
        ? m.releasesLast12Months < few.below
          ? 'momentum-few-releases'
          : 'momentum-active'
        : `momentum-${m.status}`,
    reason: m.note,
    confidence: 'high',
    sources: m.sources,
  };
}

/** The clouds a managed wish with no stated platform is judged on. */
const MAJOR_CLOUDS = ['aws', 'azure', 'gcp'] as const;

function managedPart(resolved: ResolvedProfile, requirements: Requirements, model: Model): FitPart | undefined {
  const stated = requirements.deployment?.platform;
  const wish = requirements.deployment?.managedService ?? 'acceptable';
  if (stated === 'on-premises' || wish === 'excluded' || (!stated && wish !== 'preferred')) return undefined;
  const scale = model.scales.managed.value;
  type Offering = ResolvedProfile['broker']['managedOfferings'][number];
  const value = (o: Offering) =>
    o.compatibility === 'api-compatible'
      ? scale['api-compatible']
      : o.kind === 'operator'
        ? scale.operator
        : o.commercial
          ? scale.commercial
          : scale['same-software'];
  // A stated platform is judged alone; a managed wish with none is judged on the major clouds together.
  const platforms = stated ? [stated] : MAJOR_CLOUDS;
  // An offering that does not expose a protocol the clients need does not take the work off the team.
  const needs = neededProtocols(requirements);
  const exposes = (o: Offering) =>
    !o.protocols || needs.every((n) => n.protocols.some((p) => o.protocols!.includes(p)));
  const bestOn = platforms.map((platform) => {
    const here = resolved.broker.managedOfferings.filter(
      (o) => o.platform === platform && o.profiles.includes(resolved.profile.id) && exposes(o),
    );
    const any = stated ? here : here.filter((o) => o.kind === 'managed-service');
    return { platform, best: [...any].sort((a, b) => value(b) - value(a))[0] };
  });
  const fit = bestOn.reduce((sum, b) => sum + (b.best ? value(b.best) : 0), 0) / bestOn.length;
  const found = bestOn.filter((b) => b.best);
  const where = stated ?? MAJOR_CLOUDS.join(', ');
  return {
    part: 'staffCost.managed',
    weight:
      wish === 'preferred'
        ? model.criteria.staffCost.managedPreferred.weight
        : model.criteria.staffCost.managedAcceptable.weight,
    fit: round3(fit),
    text: () => ({
      observed:
        found.length > 0
          ? found
              .map(
                (b) =>
                  `${b.best!.name} ` +
                  `(${b.best!.kind}${b.best!.compatibility === 'api-compatible' ? ', API-compatible' : ''})`,
              )
              .join('; ')
          : `no managed offering on ${where}`,
      expected: `managed service ${wish} on ${stated ?? `a major cloud (${where}; no platform stated)`}`,
    }),
    reasonId: found.length > 0 ? 'managed-available' : 'managed-missing',
    reason:
      found.length === 1 && found[0]!.best!.note
        ? found[0]!.best!.note
        : found.length > 0
          ? `managed on ${found.map((b) => b.platform).join(', ')}`
          : `you run it yourself on ${where}`,
    confidence: 'high',
    sources: [...new Set(found.flatMap((b) => b.best!.sources))],
  };
}

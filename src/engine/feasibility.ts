import type { Model } from '../kb/model-schema.js';
import type { BrokerEntry } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { FEATURES, type Feature } from '../requirements/vocabulary.js';
import { FEATURE_LABELS } from './labels.js';
import {
  coversFeature,
  featureCoverage,
  featureFailure,
  profileWideFailures,
  requiredFeatures,
  satisfies,
  type Failure,
} from './constraints.js';
import { resolveProfiles, type ResolvedProfile } from './profiles.js';
import { indexEffects, type FiredRule, type RuleEffects } from './rules.js';

/**
 * Which profiles of a broker can serve the requirements: single profiles that meet every hard
 * constraint, and (when none gives every required feature as it is) the smallest sets of profiles run
 * side by side (e.g. RocketMQ transaction + FIFO + delay topics) whose union does, each of them meeting
 * the deployment-wide constraints. Otherwise the broker is eliminated with every reason.
 */
export type Feasibility = { feasible: true; candidates: ResolvedProfile[][] } | { feasible: false; reasons: string[] };

const MAX_SET_SIZE = 4;

/** `withReasons: false` (the sensitivity analysis asks only who wins) skips wording the eliminations. */
export function assessBroker(
  broker: BrokerEntry,
  requirements: Requirements,
  model: Model,
  fired: FiredRule[],
  withReasons = true,
  required: Feature[] = requiredFeatures(requirements),
  effects: RuleEffects = indexEffects(fired),
): Feasibility {
  const ruleEliminations = effects.eliminations(broker.id);
  const brokerWide = ruleEliminations.filter((e) => !e.profile);
  if (brokerWide.length > 0)
    return {
      feasible: false,
      reasons: withReasons ? brokerWide.map((e) => `${e.rule.because} [rule ${e.rule.id}]`) : [],
    };
  const excludedByRule = new Map(ruleEliminations.map((e) => [e.profile!, e.rule]));

  const profiles = resolveProfiles(broker);
  const wideFailures = new Map<ResolvedProfile, Failure[]>();
  const deployable: ResolvedProfile[] = [];
  for (const p of profiles) {
    const failures = profileWideFailures(p, requirements, model);
    wideFailures.set(p, failures);
    if (failures.length === 0 && !excludedByRule.has(p.profile.id)) deployable.push(p);
  }
  const covers = (p: ResolvedProfile, f: Feature) => coversFeature(p, f, requirements);
  const coversFully = (p: ResolvedProfile, f: Feature) => featureCoverage(p, f, requirements) === 'full';

  // Single profiles that meet every required feature, fully or by an approximation the scoring counts
  // as cost; and, when no single profile gives them all as they are, the smallest sets of profiles run
  // side by side that do. Both compete on score.
  const singles = deployable.filter((p) => required.every((f) => covers(p, f)));
  const candidates: ResolvedProfile[][] = singles.map((p) => [p]);
  if (!singles.some((p) => required.every((f) => coversFully(p, f)))) {
    // Only profiles that give a required feature can be part of a smallest set, and no set exists when a
    // required feature is given by none of them.
    const useful = deployable.filter((p) => required.some((f) => coversFully(p, f)));
    const coverable = required.every((f) => useful.some((p) => coversFully(p, f)));
    for (let size = 2; coverable && size <= Math.min(MAX_SET_SIZE, useful.length); size++) {
      const sets = combinations(useful, size).filter((set) =>
        required.every((f) => set.some((p) => coversFully(p, f))),
      );
      if (sets.length > 0) {
        candidates.push(...sets);
        break;
      }
    }
  }
  if (candidates.length > 0)
    return { feasible: true, candidates: [...candidates, ...withPreferred(candidates, deployable, requirements)] };
  if (!withReasons) return { feasible: false, reasons: [] };
  return {
    feasible: false,
    reasons: eliminationReasons(
      profiles,
      deployable,
      describedOnUse(wideFailures),
      excludedByRule,
      required,
      requirements,
    ),
  };
}

/**
 * Profiles of one broker run side by side in one cluster (e.g. RocketMQ FIFO and transaction topics), so a
 * candidate can also take in the profiles that give preferred features it lacks; scoring decides whether
 * that is worth running the weakest of them on every dimension.
 */
function withPreferred(
  candidates: ResolvedProfile[][],
  deployable: ResolvedProfile[],
  requirements: Requirements,
): ResolvedProfile[][] {
  const preferred = FEATURES.filter((f) => requirements.features?.[f] === 'preferred');
  if (preferred.length === 0) return [];
  const has = (set: ResolvedProfile[], f: Feature) => set.some((p) => satisfies(p.capabilities[f], requirements));
  const extended: ResolvedProfile[][] = [];
  const key = (set: ResolvedProfile[]) =>
    set
      .map((p) => p.profile.id)
      .sort()
      .join('+');
  const seen = new Set(candidates.map(key));
  for (const base of candidates) {
    const set = [...base];
    for (const feature of preferred) {
      if (has(set, feature)) continue;
      const giver = deployable.find((p) => !set.includes(p) && satisfies(p.capabilities[feature], requirements));
      if (giver && set.length < MAX_SET_SIZE) set.push(giver);
    }
    if (set.length > base.length && !seen.has(key(set))) {
      seen.add(key(set));
      extended.push(set);
    }
  }
  return extended;
}

/** The failures of each profile in words, worded the first time they are asked for. */
function describedOnUse(failures: Map<ResolvedProfile, Failure[]>): { get(p: ResolvedProfile): string[] | undefined } {
  const words = new Map<ResolvedProfile, string[]>();
  return {
    get(p) {
      if (!words.has(p))
        words.set(
          p,
          (failures.get(p) ?? []).map((describe) => describe()),
        );
      return words.get(p);
    },
  };
}

function eliminationReasons(
  profiles: ResolvedProfile[],
  deployable: ResolvedProfile[],
  wideFailures: { get(p: ResolvedProfile): string[] | undefined },
  excludedByRule: Map<string, { id: string; because: string }>,
  required: Feature[],
  requirements: Requirements,
): string[] {
  const reasons: string[] = [];
  const multi = profiles.length > 1;
  const tag = (p: ResolvedProfile) => (multi ? ` [${p.profile.id}]` : '');
  if (deployable.length === 0) {
    // Say a deployment-wide failure once when every profile shares it, else per profile.
    const all = profiles.map((p) => wideFailures.get(p)!);
    const common = all[0]!.filter((reason) => all.every((list) => list.includes(reason)));
    reasons.push(...common);
    for (const p of profiles) {
      reasons.push(
        ...wideFailures
          .get(p)!
          .filter((r) => !common.includes(r))
          .map((r) => `${r}${tag(p)}`),
      );
      const rule = excludedByRule.get(p.profile.id);
      if (rule) reasons.push(`${rule.because} [rule ${rule.id}]${tag(p)}`);
    }
    return reasons;
  }
  for (const feature of required) {
    if (deployable.some((p) => coversFeature(p, feature, requirements))) continue;
    const failures = deployable.map((p) => ({ p, failure: featureFailure(p, feature, requirements) }));
    const elsewhere = profiles.filter((p) => !deployable.includes(p) && coversFeature(p, feature, requirements));
    if (elsewhere.length > 0) {
      for (const p of elsewhere) {
        const why = [
          ...wideFailures.get(p)!,
          ...(excludedByRule.has(p.profile.id) ? [excludedByRule.get(p.profile.id)!.because] : []),
        ];
        reasons.push(`${FEATURE_LABELS[feature]}: only on ${p.profile.name}, which fails: ${why.join('; ')}`);
      }
      continue;
    }
    const distinct = [...new Set(failures.map((f) => f.failure!))];
    for (const failure of distinct) {
      const where = failures.filter((f) => f.failure === failure).map((f) => f.p.profile.id);
      reasons.push(distinct.length === 1 || !multi ? failure : `${failure} [${where.join(', ')}]`);
    }
  }
  if (reasons.length === 0)
    reasons.push(`no combination of up to ${MAX_SET_SIZE} profiles covers ${required.join(', ')}`);
  return reasons;
}

/** Every subset of `size` items, in input order (iterative: no intermediate arrays per level). */
export function combinations<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  if (size > items.length) return out;
  const index = Array.from({ length: size }, (_, i) => i);
  for (;;) {
    out.push(index.map((i) => items[i]!));
    let k = size - 1;
    while (k >= 0 && index[k] === items.length - size + k) k--;
    if (k < 0) return out;
    index[k] = index[k]! + 1;
    for (let j = k + 1; j < size; j++) index[j] = index[j - 1]! + 1;
  }
}

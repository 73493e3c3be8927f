import type { Model } from '../kb/model-schema.js';
import type { BrokerEntry } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import type { Feature } from '../requirements/vocabulary.js';
import { FEATURE_LABELS } from './labels.js';
import { coversFeature, featureFailure, profileWideFailures, requiredFeatures, type Failure } from './constraints.js';
import { resolveProfiles, type ResolvedProfile } from './profiles.js';
import { indexEffects, type FiredRule, type RuleEffects } from './rules.js';

/**
 * Which profiles of a broker can serve the requirements. One profile that meets every hard
 * constraint is preferred; otherwise the smallest set of profiles run side by side (e.g. RocketMQ
 * transaction + FIFO + delay topics) whose union covers the required features, each of them meeting
 * the deployment-wide constraints. Otherwise the broker is eliminated with every reason.
 */
export type Feasibility =
  | { feasible: true; candidates: ResolvedProfile[][] }
  | { feasible: false; reasons: string[] };

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
  if (brokerWide.length > 0) return { feasible: false, reasons: withReasons ? brokerWide.map((e) => `${e.rule.because} [rule ${e.rule.id}]`) : [] };
  const excludedByRule = new Map(ruleEliminations.map((e) => [e.profile!, e.rule]));

  const profiles = resolveProfiles(broker);
  const wideFailures = new Map<ResolvedProfile, Failure[]>();
  const deployable: ResolvedProfile[] = [];
  for (const p of profiles) {
    const failures = profileWideFailures(p, requirements, model);
    wideFailures.set(p, failures);
    if (failures.length === 0 && !excludedByRule.has(p.profile.id)) deployable.push(p);
  }
  const coversAll = (p: ResolvedProfile) => {
    for (const f of required) if (!coversFeature(p, f, requirements)) return false;
    return true;
  };

  const singles = deployable.filter(coversAll);
  if (singles.length > 0) return { feasible: true, candidates: singles.map((p) => [p]) };

  // Only profiles that cover at least one required feature can be part of a smallest set, and no set
  // exists when a required feature is covered by none of them.
  const useful = deployable.filter((p) => required.some((f) => coversFeature(p, f, requirements)));
  const coverable = required.every((f) => useful.some((p) => coversFeature(p, f, requirements)));
  for (let size = 2; coverable && size <= Math.min(MAX_SET_SIZE, useful.length); size++) {
    const sets = combinations(useful, size).filter((set) => required.every((f) => set.some((p) => coversFeature(p, f, requirements))));
    if (sets.length > 0) return { feasible: true, candidates: sets };
  }
  if (!withReasons) return { feasible: false, reasons: [] };
  return { feasible: false, reasons: eliminationReasons(profiles, deployable, describedOnUse(wideFailures), excludedByRule, required, requirements) };
}

/** The failures of each profile in words, worded the first time they are asked for. */
function describedOnUse(failures: Map<ResolvedProfile, Failure[]>): { get(p: ResolvedProfile): string[] | undefined } {
  const words = new Map<ResolvedProfile, string[]>();
  return {
    get(p) {
      if (!words.has(p)) words.set(p, (failures.get(p) ?? []).map((describe) => describe()));
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
      reasons.push(...wideFailures.get(p)!.filter((r) => !common.includes(r)).map((r) => `${r}${tag(p)}`));
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
        const why = [...wideFailures.get(p)!, ...(excludedByRule.has(p.profile.id) ? [excludedByRule.get(p.profile.id)!.because] : [])];
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
  if (reasons.length === 0) reasons.push(`no combination of up to ${MAX_SET_SIZE} profiles covers ${required.join(', ')}`);
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

import type { MultiDatacenterOption } from '../kb/schema.js';
import type { Model } from '../kb/model-schema.js';
import type { Requirements } from '../requirements/schema.js';
import { satisfies } from './constraints.js';
import { isNew, type FitPart } from './fit.js';
import type { ResolvedProfile } from './profiles.js';

/** The cross-datacenter option chosen for a set of profiles, and how well it meets RPO. */
export interface MultiDcChoice {
  option: MultiDatacenterOption;
  part: FitPart;
  why: string[];
}

export function chooseMultiDc(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  asOf: string,
): MultiDcChoice | undefined {
  const topology = requirements.deployment?.multiDatacenter;
  if (!topology || topology === 'none') return undefined;
  const broker = profiles[0]!.broker;
  const rpo = requirements.reliability?.rpoSeconds;
  const candidates = broker.multiDatacenter.filter(
    (o) =>
      o.status === 'current' &&
      o.topologies.includes(topology) &&
      profiles.every((p) => o.profiles.includes(p.profile.id)) &&
      satisfies({ support: o.support, sources: [] }, requirements),
  );
  const scored = candidates.map((option, index) => {
    const fit = withTakeover(option, rpoFit(option, rpo, model.scales.rpo.value), model.scales.consumerPositions.value);
    // A cross-site option in production for less than the maturity window counts less than a proven one.
    return isNew(option, model, asOf)
      ? {
          option,
          index,
          ...fit,
          fit: fit.fit * model.maturity.newFactor.value,
          note: `${fit.note}; new: released ${option.released}`,
        }
      : { option, index, ...fit };
  });
  // Best RPO fit first; among equals, the KB order (simplest, most common option first).
  scored.sort((a, b) => b.fit - a.fit || a.index - b.index);
  const best = scored[0];
  if (!best) return undefined;
  const why = [`${topology}: ${best.option.whenToUse}`, best.note];
  return {
    option: best.option,
    why,
    part: {
      part: 'reliability.multiDatacenter',
      weight: 0.5,
      fit: best.fit,
      text: () => ({
        observed: `${best.option.name}: ${best.option.replication} replication, RPO ${best.option.rpo}`,
        expected: `${topology}${rpo !== undefined ? `, RPO ≤ ${rpo} s` : ''}`,
      }),
      reasonId: best.fit >= 1 ? 'multidc-meets-rpo' : 'multidc-rpo-risk',
      reason: best.note,
      confidence: best.confidence,
      sources: best.option.sources,
    },
  };
}

const TAKEOVER_NOTES: Record<MultiDatacenterOption['consumerPositions'], string> = {
  replicated: 'consumer positions are replicated, so consumers resume where they were',
  'not-replicated':
    'consumer positions are not replicated: after a failover consumers re-read duplicates or miss in-flight messages',
  unknown: 'whether consumer positions are replicated is not documented',
};

/** Whether consumers can take over at the other site scales the RPO fit: a copy of messages alone is half a DR plan. */
function withTakeover(
  option: MultiDatacenterOption,
  rpo: { fit: number; note: string; confidence: 'high' | 'low' },
  factors: Model['scales']['consumerPositions']['value'],
): { fit: number; note: string; confidence: 'high' | 'low' } {
  const position = option.consumerPositions;
  return {
    fit: rpo.fit * factors[position],
    note: `${rpo.note}; ${TAKEOVER_NOTES[position]}`,
    confidence: position === 'unknown' ? 'low' : rpo.confidence,
  };
}

function rpoFit(
  option: MultiDatacenterOption,
  rpo: number | undefined,
  fits: Model['scales']['rpo']['value'],
): { fit: number; note: string; confidence: 'high' | 'low' } {
  if (option.replication === 'sync') {
    // Synchronous replication between sites needs three or more low-latency sites and adds the
    // round trip to every write: worth it only when the user asks for zero data loss on a site loss.
    return rpo === 0
      ? {
          fit: fits.syncForZeroRpo,
          note: 'synchronous: no acknowledged message is lost with a site (needs ≥3 low-latency sites)',
          confidence: 'high',
        }
      : {
          fit: fits.sync,
          note:
            'synchronous: meets any RPO, but needs ≥3 low-latency sites and adds a cross-site round trip to ' +
            'every write',
          confidence: 'high',
        };
  }
  if (rpo === undefined)
    return {
      fit: fits.asyncNoRpo,
      note: 'asynchronous: a site loss can lose the replication lag; no RPO stated',
      confidence: 'high',
    };
  if (rpo === 0)
    return { fit: fits.asyncZeroRpo, note: 'asynchronous: cannot give the stated RPO of 0 s', confidence: 'high' };
  if (option.typicalRpoSeconds !== undefined) {
    return option.typicalRpoSeconds <= rpo
      ? {
          fit: fits.asyncWithinRpo,
          note: `asynchronous, typical lag ≈${option.typicalRpoSeconds} s: within the stated ${rpo} s RPO`,
          confidence: 'high',
        }
      : {
          fit: fits.asyncBeyondRpo,
          note: `asynchronous, typical lag ≈${option.typicalRpoSeconds} s: above the stated ${rpo} s RPO`,
          confidence: 'high',
        };
  }
  return {
    fit: fits.asyncUndocumented,
    note: `asynchronous; lag is undocumented: monitor it against the stated ${rpo} s RPO`,
    confidence: 'low',
  };
}

import type { Model } from '../kb/model-schema.js';
import type { ClusterMode } from '../kb/schema.js';
import type { Requirements } from '../requirements/schema.js';
import { currentModesFor, modeMeetsReliability } from './constraints.js';
import { neededProtocols } from '../requirements/protocols.js';
import { formatBytes, formatCount } from './labels.js';
import type { MultiDcChoice } from './multidc.js';
import type { ResolvedProfile } from './profiles.js';
import { growthFactor, messageBytes, sizingOf } from './sizing.js';
import type { ClusterModeChoice, NodeCount } from './types.js';

/** What is assumed when the user did not say: production systems usually expect both. */
export const ASSUMED_MESSAGE_LOSS = 'rare';
export const ASSUMED_FAILOVER = 'automatic';

/** The chosen mode and its node counts: what a batch summary needs, without the words. */
export interface ClusterModePick {
  mode: ClusterMode;
  nodes: NodeCount[];
  /** Current modes for these profiles that were passed over for weaker guarantees. */
  skipped: ClusterMode[];
  assumed: { loss: string; failover: string };
}

/**
 * Picks the cluster mode for a set of profiles: a current mode serving all of them that gives the
 * stated (or assumed) loss and failover guarantees, preferring the KB's order (simplest first).
 */
export function pickClusterMode(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
): ClusterModePick {
  const ids = profiles.map((p) => p.profile.id);
  const shared = currentModesFor(profiles[0]!).filter((m) => ids.every((id) => m.profiles.includes(id)));
  const pool = shared.length > 0 ? shared : currentModesFor(profiles[0]!);
  const stated = { loss: requirements.reliability?.messageLoss, failover: requirements.reliability?.failover };
  const withAssumed = { loss: stated.loss ?? ASSUMED_MESSAGE_LOSS, failover: stated.failover ?? ASSUMED_FAILOVER };
  const fitting = pool.filter((m) => modeMeetsReliability(m, withAssumed.loss, withAssumed.failover));
  const acceptable =
    fitting.length > 0 ? fitting : pool.filter((m) => modeMeetsReliability(m, stated.loss, stated.failover));
  // The most specific mode first (one made for exactly these profiles), then the KB's order.
  const specificity = (m: ClusterMode) => m.profiles.length - ids.length;
  const ranked = [...acceptable].sort((a, b) => specificity(a) - specificity(b) || pool.indexOf(a) - pool.indexOf(b));
  const mode = (ranked[0] ?? pool[0])!;
  return {
    mode,
    nodes: sizeRoles(mode, profiles, requirements, model, 1),
    skipped: pool.filter((m) => !acceptable.includes(m)),
    assumed: withAssumed,
  };
}

/** The picked mode with everything a reader needs: why, guarantees, sizing at growth, managed and cross-DC options. */
export function chooseClusterMode(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  multiDc: MultiDcChoice | undefined,
  pick = pickClusterMode(profiles, requirements, model),
): ClusterModeChoice {
  const { mode, nodes, skipped, assumed } = pick;
  const why: string[] = [mode.whenToUse];
  const g = mode.guarantees.nodeLoss;
  why.push(`on a node failure: acknowledged-message loss ${g.acknowledgedLoss}, ${g.failover} failover (${g.rto})`);
  if (skipped.length > 0) {
    why.push(
      `not ${skipped.map((m) => m.name).join(', ')}: weaker guarantees ` +
        `than ${assumed.loss === 'never' ? 'no loss' : `loss ${assumed.loss}`} with ${assumed.failover} failover`,
    );
  }
  const growth = growthFactor(requirements);
  const grown = growth > 1 ? sizeRoles(mode, profiles, requirements, model, growth) : undefined;
  const scaling = mode.roles.find((r) => r.scalesWithLoad)!;
  const { load } = sizingOf(profiles[0]!.profile, requirements, model);
  if (load)
    why.push(
      `${scaling.role} count sized for ${formatCount(load.messagesPerSecond)} msg/s at half of the measured ` +
        `per-node capacity`,
    );
  const choice: ClusterModeChoice = {
    id: mode.id,
    name: mode.name,
    status: mode.status,
    aliases: mode.aliases,
    nodes,
    totalNodes: nodes.reduce((sum, n) => sum + n.count, 0),
    configuration: mode.configuration,
    guarantees: { acknowledgedLoss: g.acknowledgedLoss, failover: g.failover, rto: g.rto },
    why,
    sources: mode.sources,
  };
  if (grown && JSON.stringify(grown) !== JSON.stringify(nodes)) choice.nodesAtGrowth = grown;
  const managed = managedEquivalent(profiles, requirements);
  if (managed) choice.managed = managed;
  if (multiDc) {
    const o = multiDc.option;
    choice.multiDatacenter = {
      id: o.id,
      name: o.name,
      replication: o.replication,
      rpo: o.rpo,
      failover: o.failover,
      why: multiDc.why,
      sources: o.sources,
    };
  }
  const scalingCount = nodes.find((n) => n.role === scaling.role)?.count ?? scaling.min;
  const storage = sizeStorage(profiles, requirements, model, mode, Math.max(1, scalingCount));
  if (storage) choice.storage = storage;
  return choice;
}

/**
 * Disk the mode needs when a retention window or a backlog is stated: a log keeps the window's messages
 * (average rate, else the peak) and any backlog; a queue keeps its backlog. Every copy counts. Spread
 * over the nodes that carry traffic, and flagged beyond what one node holds in practice.
 */
export function sizeStorage(
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  mode: ClusterMode,
  nodes: number,
): ClusterModeChoice['storage'] {
  const w = requirements.workload;
  const bytes = messageBytes(requirements, model);
  const rate = w?.averageMessagesPerSecond ?? w?.peakMessagesPerSecond;
  const isLog = profiles.every((p) => p.profile.model === 'log');
  const windowMessages =
    isLog && rate !== undefined && (w?.retentionHours ?? 0) > 0 ? rate * w!.retentionHours! * 3600 : 0;
  const backlog = w?.peakBacklogMessages ?? 0;
  const messages = Math.max(windowMessages, backlog);
  if (messages === 0) return undefined;
  const retainedBytes = messages * bytes * mode.copies;
  const perNodeBytes = retainedBytes / nodes;
  const what =
    windowMessages >= backlog
      ? `${formatCount(rate!)} msg/s${w?.averageMessagesPerSecond === undefined ? ' (peak; no average stated)' : ''}` +
        ` × ${w!.retentionHours} h retention`
      : `a backlog of ${formatCount(backlog)} messages`;
  const tiered = profiles.map((p) => p.profile.planning.tieredStorage).find((t) => t && t.support !== 'none');
  return {
    retainedBytes,
    perNodeBytes,
    copies: mode.copies,
    basis:
      `${what} × ${formatBytes(bytes)} × ${mode.copies} ${mode.copies === 1 ? 'copy' : 'copies'} = ` +
      `${formatBytes(retainedBytes)}, ≈${formatBytes(perNodeBytes)} ` +
      `on each of ${nodes} node${nodes === 1 ? '' : 's'}`,
    beyondPractical: perNodeBytes > model.sizing.practicalDiskPerNodeBytes.value,
    ...(tiered
      ? { tieredStorage: `${tiered.support}${tiered.since ? ` since ${tiered.since}` : ''}: ${tiered.note}` }
      : {}),
  };
}

function sizeRoles(
  mode: ClusterMode,
  profiles: ResolvedProfile[],
  requirements: Requirements,
  model: Model,
  growth: number,
): NodeCount[] {
  const scaling = mode.roles.find((r) => r.scalesWithLoad)!;
  // A set is sized for its general flow (the member that needs fewest nodes): a special message type
  // (transaction, delay topics) carries part of the traffic at a higher cost per message.
  const per = profiles.map((p) => {
    const sizing = sizingOf(p.profile, requirements, model);
    return { p, nodes: (growth === 1 ? sizing.nodes : sizing.nodesAtGrowth) ?? 0 };
  });
  const sized = per.filter((x) => x.nodes > 0);
  const needed = sized.length > 0 ? Math.min(...sized.map((x) => x.nodes)) : 0;
  const general = profiles.length > 1 ? sized.find((x) => x.nodes === needed)?.p : undefined;
  const costlier = per.filter((x) => x.nodes > needed).map((x) => `${x.p.profile.name} ≈${x.nodes}`);
  let count = Math.max(scaling.min, needed);
  if (scaling.odd && count % 2 === 0) count += 1;
  const counts = new Map<string, NodeCount>();
  const capped = scaling.max !== undefined && count > scaling.max;
  counts.set(scaling.role, {
    role: scaling.role,
    count: capped ? scaling.max! : count,
    ...(capped
      ? { note: `load needs ${count}; one cluster tops out at ${scaling.max}: split the load across clusters` }
      : general && costlier.length > 0
        ? {
            note:
              `sized for the general flow on ${general.profile.name}; if all traffic ` +
              `used ${costlier.join(', ')} would be needed: add your special flows' share at their rate`,
          }
        : scaling.note
          ? { note: scaling.note }
          : {}),
  });
  for (const role of mode.roles) {
    if (role === scaling) continue;
    const per = role.perRole ? (counts.get(role.perRole)?.count ?? 1) : 1;
    counts.set(role.role, { role: role.role, count: role.min * per, ...(role.note ? { note: role.note } : {}) });
  }
  return mode.roles.map((r) => counts.get(r.role)!).filter((n) => n.count > 0);
}

function managedEquivalent(profiles: ResolvedProfile[], requirements: Requirements): ClusterModeChoice['managed'] {
  const platform = requirements.deployment?.platform;
  if (!platform || platform === 'on-premises' || requirements.deployment?.managedService === 'excluded')
    return undefined;
  const needs = neededProtocols(requirements);
  const offering = profiles[0]!.broker.managedOfferings.find(
    (o) =>
      o.platform === platform &&
      o.compatibility === 'same-software' &&
      profiles.every((p) => o.profiles.includes(p.profile.id)) &&
      (!o.protocols || needs.every((n) => n.protocols.some((p) => o.protocols!.includes(p)))),
  );
  return offering
    ? { name: offering.name, platform, ...(offering.note ? { note: offering.note } : {}), sources: offering.sources }
    : undefined;
}

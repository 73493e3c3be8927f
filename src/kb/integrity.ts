import { DIMENSIONS, FEATURES, PROTOCOLS } from '../requirements/vocabulary.js';
import {
  duplicates,
  error,
  warning,
  type Input,
  type IntegrityFinding,
  type IntegrityRule,
} from './integrity-finding.js';
import { implementationRuntimesKnown, rulesReadRequirementsOnly } from './integrity-model.js';

/**
 * Named integrity rules over a schema-valid knowledge base. Each rule reports every offender with a
 * fix, never only the first (linguist's languages.yml tests, changesets' config rules).
 */

const uniqueIds: IntegrityRule = ({ brokers, rules }) => [
  ...duplicates(brokers.map((b) => b.id)).map((id) =>
    error('unique-ids', `broker ${id}`, 'broker id defined twice in one layer'),
  ),
  ...brokers.flatMap((b) => [
    ...duplicates(b.profiles.map((p) => p.id)).map((id) =>
      error('unique-ids', `${b.id}.profiles.${id}`, 'profile id used twice'),
    ),
    ...duplicates(b.multiDatacenter.map((m) => m.id)).map((id) =>
      error('unique-ids', `${b.id}.multiDatacenter.${id}`, 'id used twice'),
    ),
  ]),
  ...duplicates(brokers.flatMap((b) => b.clusterModes.map((m) => m.id))).map((id) =>
    error('unique-ids', `clusterModes.${id}`, 'cluster mode id used twice (ids are global: qualify them by product)'),
  ),
  ...duplicates(rules.map((r) => r.id)).map((id) => error('unique-ids', `rules.${id}`, 'rule id used twice')),
];

const referencesResolve: IntegrityRule = ({ brokers, rules }) => {
  const findings: IntegrityFinding[] = [];
  for (const b of brokers) {
    const profiles = new Set(b.profiles.map((p) => p.id));
    const modes = new Set(b.clusterModes.map((m) => m.id));
    const check = (where: string, profile: string) => {
      if (!profiles.has(profile))
        findings.push(
          error('references-resolve', where, `unknown profile "${profile}" (known: ${[...profiles].join(', ')})`),
        );
    };
    b.clusterModes.forEach((m) => {
      m.profiles.forEach((p) => check(`${b.id}.clusterModes.${m.id}.profiles`, p));
      if (m.replacedBy && !modes.has(m.replacedBy))
        findings.push(
          error(
            'references-resolve',
            `${b.id}.clusterModes.${m.id}.replacedBy`,
            `unknown cluster mode "${m.replacedBy}"`,
          ),
        );
      const roles = new Set(m.roles.map((r) => r.role));
      m.roles.forEach((r) => {
        if (r.perRole && !roles.has(r.perRole))
          findings.push(
            error(
              'references-resolve',
              `${b.id}.clusterModes.${m.id}.roles.${r.role}`,
              `perRole "${r.perRole}" is not a role of this mode`,
            ),
          );
      });
    });
    b.multiDatacenter.forEach((m) => m.profiles.forEach((p) => check(`${b.id}.multiDatacenter.${m.id}.profiles`, p)));
    b.managedOfferings.forEach((m) =>
      m.profiles.forEach((p) => check(`${b.id}.managedOfferings.${m.name}.profiles`, p)),
    );
    DIMENSIONS.forEach((d) =>
      b.dimensions[d].figures.forEach((f) => f.profile && check(`${b.id}.dimensions.${d}.figures`, f.profile)),
    );
  }
  const byId = new Map(brokers.map((b) => [b.id, b]));
  for (const rule of rules) {
    for (const effect of rule.then) {
      const target = 'adjust' in effect ? effect.adjust : 'eliminate' in effect ? effect.eliminate : undefined;
      if (!target) continue;
      const broker = byId.get(target.broker);
      if (!broker) findings.push(error('references-resolve', `rules.${rule.id}`, `unknown broker "${target.broker}"`));
      else if (target.profile && !broker.profiles.some((p) => p.id === target.profile)) {
        findings.push(
          error('references-resolve', `rules.${rule.id}`, `unknown profile "${target.profile}" of ${broker.id}`),
        );
      }
    }
  }
  return findings;
};

const everyCapabilityStated: IntegrityRule = ({ brokers }) =>
  brokers.flatMap((b) =>
    b.profiles.flatMap((p) => [
      ...FEATURES.filter((f) => !p.capabilities[f] && !b.capabilities[f]).map((f) =>
        error(
          'explicit-none',
          `${b.id}.${p.id}.capabilities.${f}`,
          'not stated: write support: none rather than leaving it out',
        ),
      ),
      ...PROTOCOLS.filter((f) => !p.protocols[f] && !b.protocols[f]).map((f) =>
        error(
          'explicit-none',
          `${b.id}.${p.id}.protocols.${f}`,
          'not stated: write support: none rather than leaving it out',
        ),
      ),
    ]),
  );

const everyClaimSourced: IntegrityRule = ({ brokers }) =>
  brokers.flatMap((b) => {
    const maps: Array<[string, Record<string, { support: string; sources: string[] } | undefined>]> = [
      [`${b.id}.capabilities`, b.capabilities],
      [`${b.id}.protocols`, b.protocols],
      ...b.profiles.flatMap(
        (p): Array<[string, Record<string, { support: string; sources: string[] } | undefined>]> => [
          [`${b.id}.${p.id}.capabilities`, p.capabilities],
          [`${b.id}.${p.id}.protocols`, p.protocols],
        ],
      ),
    ];
    return maps.flatMap(([where, map]) =>
      Object.entries(map)
        .filter(([, c]) => c && c.support !== 'none' && c.sources.length === 0)
        .map(([key]) =>
          error('every-claim-sourced', `${where}.${key}`, 'support other than none needs at least one source URL'),
        ),
    );
  });

const oneScalingRole: IntegrityRule = ({ brokers }) =>
  brokers.flatMap((b) =>
    b.clusterModes
      .filter((m) => m.roles.filter((r) => r.scalesWithLoad).length !== 1)
      .map((m) =>
        error(
          'one-scaling-role',
          `${b.id}.clusterModes.${m.id}.roles`,
          'exactly one role must have scalesWithLoad: true',
        ),
      ),
  );

const retiredModesPointOnward: IntegrityRule = ({ brokers }) =>
  brokers.flatMap((b) =>
    b.clusterModes
      .filter((m) => m.status !== 'current' && (!m.replacedBy || !m.statusNote))
      .map((m) =>
        error(
          'retired-modes-point-onward',
          `${b.id}.clusterModes.${m.id}`,
          `a ${m.status} mode needs statusNote and replacedBy`,
        ),
      ),
  );

const everyProfileDeployable: IntegrityRule = ({ brokers }) =>
  brokers.flatMap((b) =>
    b.profiles
      .filter(
        (p) =>
          p.status === 'current' && !b.clusterModes.some((m) => m.status === 'current' && m.profiles.includes(p.id)),
      )
      .map((p) => error('every-profile-deployable', `${b.id}.${p.id}`, 'no current cluster mode serves this profile')),
  );

const planningFiguresPresent: IntegrityRule = ({ brokers }) =>
  brokers.flatMap((b) =>
    b.profiles.flatMap((p) =>
      (['messagesPerSecondPerNode', 'p99LatencyMs', 'maxClusterNodes'] as const)
        .filter((key) => !p.planning[key])
        .map((key) =>
          warning(
            'planning-figures',
            `${b.id}.${p.id}.planning.${key}`,
            'missing: the engine will be cautious and flag low confidence',
          ),
        ),
    ),
  );

const INTEGRITY_RULES: Record<string, IntegrityRule> = {
  'unique-ids': uniqueIds,
  'references-resolve': referencesResolve,
  'explicit-none': everyCapabilityStated,
  'every-claim-sourced': everyClaimSourced,
  'one-scaling-role': oneScalingRole,
  'retired-modes-point-onward': retiredModesPointOnward,
  'every-profile-deployable': everyProfileDeployable,
  'planning-figures': planningFiguresPresent,
  'rules-read-requirements': rulesReadRequirementsOnly,
  'implementation-runtimes': implementationRuntimesKnown,
};

export function checkIntegrity(kb: Input): IntegrityFinding[] {
  return Object.values(INTEGRITY_RULES).flatMap((rule) => rule(kb));
}

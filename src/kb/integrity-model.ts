import { ruleReadablePaths } from '../requirements/paths.js';
import { error, type IntegrityRule } from './integrity-finding.js';
import type { Condition } from './schema.js';

/** Integrity rules over the rules file and the scoring model: what they may read, and what they must cover. */
function conditionPaths(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionPaths);
  if ('any' in condition) return condition.any.flatMap(conditionPaths);
  if ('not' in condition) return conditionPaths(condition.not);
  return [condition.path];
}

export const rulesReadRequirementsOnly: IntegrityRule = ({ rules, model }) => {
  const readable = ruleReadablePaths();
  const conditions = [
    ...rules.map((r) => ({ where: `rules.${r.id}.when`, condition: r.when })),
    ...Object.entries(model?.impliedBy ?? {}).map(([criterion, implied]) => ({
      where: `model.impliedBy.${criterion}.when`,
      condition: implied.when as Condition,
    })),
  ];
  return conditions.flatMap(({ where, condition }) =>
    conditionPaths(condition)
      .filter((p) => !readable.has(p))
      .map((p) =>
        error(
          'rules-read-requirements',
          where,
          `"${p}" is not a readable requirements field` +
            (p.startsWith('priorities') || p.startsWith('weights')
              ? ' (rules and the model never read priorities or weights, so scores stay linear in the weights)'
              : ''),
        ),
      ),
  );
};

/** A broker written in a language the model's runtimes leave out would never be judged readable by its team. */
export const implementationRuntimesKnown: IntegrityRule = ({ brokers, model }) => {
  const runtimes = model?.criteria.staffCost.sourceLanguage.runtimes;
  if (!runtimes) return [];
  return brokers.flatMap((b) =>
    b.products.flatMap((product) =>
      product.implementationLanguages
        .filter((l) => !runtimes.some((r) => r.includes(l)))
        .map((l) =>
          error(
            'implementation-runtimes',
            `${b.id}.products.${product.name}`,
            `written in ${l}, which no group of model.criteria.staffCost.sourceLanguage.runtimes lists: add it`,
          ),
        ),
    ),
  );
};

import { parseDocumentText } from '../input/document.js';
import { inputError } from '../errors.js';
import { schemaError } from '../input/schema-issues.js';
import { kbFileSchema, type KbFile } from './files.js';
import type { IntegrityFinding } from './integrity-finding.js';
import { checkIntegrity } from './integrity.js';
import type { Model } from './model-schema.js';
import type { BrokerEntry, KnowledgeBase, Rule } from './schema.js';
import { byCodeUnits } from '../engine/order.js';

export interface KbSource {
  file: string;
  text: string;
  /** shipped files form the base layer; user files (--kb) override brokers, rules and the model. */
  layer: 'shipped' | 'user';
  sha256?: string;
}

export interface AssembledKb {
  kb: KnowledgeBase;
  findings: IntegrityFinding[];
}

async function parseKbFile(source: KbSource): Promise<KbFile> {
  const parsed = await parseDocumentText(source.text, source.file);
  const result = kbFileSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) throw await schemaError(result.error.issues, parsed, source.file);
  return result.data;
}

/**
 * The knowledge base from layers: an already validated base (the shipped KB compiled at build time) or
 * the shipped files, then user files on top. A user broker or rule with an existing id replaces it, a
 * new id adds one; a user model file replaces the model. Integrity rules run per layer for duplicates
 * and over the merged result for everything else.
 */
export async function assembleKnowledgeBase(sources: KbSource[], base?: KnowledgeBase): Promise<AssembledKb> {
  const brokers = new Map<string, BrokerEntry>((base?.brokers ?? []).map((b) => [b.id, b]));
  const rules = new Map<string, Rule>((base?.rules ?? []).map((r) => [r.id, r]));
  let meta = base && { version: base.version, asOf: base.asOf };
  let model: Model | undefined = base?.model;
  const findings: IntegrityFinding[] = [];

  for (const layer of ['shipped', 'user'] as const) {
    const layerBrokers: BrokerEntry[] = [];
    const layerRules: Rule[] = [];
    for (const source of sources.filter((s) => s.layer === layer)) {
      const file = await parseKbFile(source);
      if (file.kind === 'broker') layerBrokers.push(file);
      else if (file.kind === 'rules') layerRules.push(...file.rules);
      else if (file.kind === 'model') model = file;
      else if (layer === 'shipped') meta = { version: file.version, asOf: file.asOf };
      else
        throw inputError('a user knowledge-base file cannot replace the meta file (kind: meta)', {
          file: source.file,
          path: 'kind',
        });
    }
    findings.push(
      ...checkIntegrity({ brokers: layerBrokers, rules: layerRules }).filter((f) => f.rule === 'unique-ids'),
    );
    layerBrokers.forEach((b) => brokers.set(b.id, b));
    layerRules.forEach((r) => rules.set(r.id, r));
  }
  if (!meta) throw inputError('the knowledge base has no meta file (kind: meta, with version and asOf)');
  if (!model) throw inputError('the knowledge base has no scoring model (kind: model, data/model.yaml)');

  const merged = {
    brokers: [...brokers.values()].sort((a, b) => byCodeUnits(a.id, b.id)),
    rules: [...rules.values()].sort((a, b) => byCodeUnits(a.id, b.id)),
  };
  findings.push(...checkIntegrity({ ...merged, model }).filter((f) => f.rule !== 'unique-ids'));
  const user = sources.filter((s) => s.layer === 'user').map((s) => ({ file: s.file, sha256: s.sha256 ?? '' }));
  const extraFiles = [...(base?.extraFiles ?? []), ...user];
  const version = extraFiles.length > 0 && !meta.version.endsWith('+custom') ? `${meta.version}+custom` : meta.version;
  return { kb: { version, asOf: meta.asOf, ...merged, model, extraFiles }, findings };
}

import { parseDocumentText } from '../document.js';
import { inputError } from '../errors.js';
import { schemaError } from '../schema-issues.js';
import { checkIntegrity, type IntegrityFinding } from './integrity.js';
import { kbFileSchema, type BrokerEntry, type KbFile, type KnowledgeBase, type Rule } from './schema.js';
import { byCodeUnits } from '../order.js';

export interface KbSource {
  file: string;
  text: string;
  /** shipped files form the base layer; user files (--kb) override brokers and rules by id. */
  layer: 'shipped' | 'user';
  sha256?: string;
}

export interface AssembledKb {
  kb: KnowledgeBase;
  findings: IntegrityFinding[];
}

export async function parseKbFile(source: KbSource): Promise<KbFile> {
  const parsed = await parseDocumentText(source.text, source.file);
  const result = kbFileSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) throw await schemaError(result.error.issues, parsed, source.file);
  return result.data;
}

/**
 * A validated base (the shipped KB, compiled at build time) plus user files on top: user brokers and
 * rules replace those with the same id. Integrity runs over the merged result.
 */
export async function extendKnowledgeBase(base: KnowledgeBase, sources: KbSource[]): Promise<AssembledKb> {
  const brokers = new Map(base.brokers.map((b) => [b.id, b]));
  const rules = new Map(base.rules.map((r) => [r.id, r]));
  const layerBrokers: BrokerEntry[] = [];
  const layerRules: Rule[] = [];
  for (const source of sources) {
    const file = await parseKbFile(source);
    if (file.kind === 'broker') layerBrokers.push(file);
    else if (file.kind === 'rules') layerRules.push(...file.rules);
    else throw inputError('a user knowledge-base file cannot replace the meta file (kind: meta)', { file: source.file, path: 'kind' });
  }
  const findings = checkIntegrity({ brokers: layerBrokers, rules: layerRules }).filter((f) => f.rule === 'unique-ids');
  layerBrokers.forEach((b) => brokers.set(b.id, b));
  layerRules.forEach((r) => rules.set(r.id, r));
  const merged = { brokers: [...brokers.values()].sort((a, b) => byCodeUnits(a.id, b.id)), rules: [...rules.values()].sort((a, b) => byCodeUnits(a.id, b.id)) };
  findings.push(...checkIntegrity(merged).filter((f) => f.rule !== 'unique-ids'));
  const extraFiles = [...base.extraFiles, ...sources.map((s) => ({ file: s.file, sha256: s.sha256 ?? '' }))];
  const version = extraFiles.length > 0 && !base.version.endsWith('+custom') ? `${base.version}+custom` : base.version;
  return { kb: { ...base, version, ...merged, extraFiles }, findings };
}

/**
 * Shipped files, then user files: a user broker or rule with an existing id replaces it, a new id adds
 * one. Integrity rules run per layer for duplicates and over the merged result for everything else.
 */
export async function assembleKnowledgeBase(sources: KbSource[]): Promise<AssembledKb> {
  const brokers = new Map<string, BrokerEntry>();
  const rules = new Map<string, Rule>();
  let meta: { version: string; asOf: string } | undefined;
  const findings: IntegrityFinding[] = [];

  for (const layer of ['shipped', 'user'] as const) {
    const layerBrokers: BrokerEntry[] = [];
    const layerRules: Rule[] = [];
    for (const source of sources.filter((s) => s.layer === layer)) {
      const file = await parseKbFile(source);
      if (file.kind === 'broker') layerBrokers.push(file);
      else if (file.kind === 'rules') layerRules.push(...file.rules);
      else if (layer === 'shipped') meta = { version: file.version, asOf: file.asOf };
      else throw inputError('a user knowledge-base file cannot replace the meta file (kind: meta)', { file: source.file, path: 'kind' });
    }
    findings.push(...checkIntegrity({ brokers: layerBrokers, rules: layerRules }).filter((f) => f.rule === 'unique-ids'));
    layerBrokers.forEach((b) => brokers.set(b.id, b));
    layerRules.forEach((r) => rules.set(r.id, r));
  }
  if (!meta) throw inputError('the knowledge base has no meta file (kind: meta, with version and asOf)');

  const merged = { brokers: [...brokers.values()].sort((a, b) => byCodeUnits(a.id, b.id)), rules: [...rules.values()].sort((a, b) => byCodeUnits(a.id, b.id)) };
  findings.push(...checkIntegrity(merged).filter((f) => f.rule !== 'unique-ids'));
  const extraFiles = sources
    .filter((s) => s.layer === 'user')
    .map((s) => ({ file: s.file, sha256: s.sha256 ?? '' }));
  const version = extraFiles.length > 0 ? `${meta.version}+custom` : meta.version;
  return { kb: { version, asOf: meta.asOf, ...merged, extraFiles }, findings };
}

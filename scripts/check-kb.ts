// Development helper: validate the shipped KB (or given files as a user layer) and print every finding.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleKnowledgeBase, type KbSource } from '../src/kb/load.js';

const dataDir = join(process.cwd(), 'data');
const shipped: KbSource[] = [join(dataDir, 'kb.yaml'), join(dataDir, 'rules.yaml'), ...readdirSync(join(dataDir, 'brokers')).filter((f) => f.endsWith('.yaml')).map((f) => join(dataDir, 'brokers', f))]
  .filter((f) => { try { readFileSync(f); return true; } catch { return false; } })
  .map((file) => ({ file, text: readFileSync(file, 'utf8'), layer: 'shipped' as const }));
try {
  const { kb, findings } = await assembleKnowledgeBase(shipped);
  for (const f of findings) console.log(`${f.severity} [${f.rule}] ${f.where}: ${f.message}`);
  console.log(`brokers: ${kb.brokers.map((b) => b.id).join(', ')}; rules: ${kb.rules.length}; errors: ${findings.filter((f) => f.severity === 'error').length}`);
} catch (error) {
  console.log((error as { toUserLine?: () => string }).toUserLine?.() ?? error);
  process.exit(2);
}

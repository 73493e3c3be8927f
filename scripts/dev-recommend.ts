// Development helper: print the engine result for a requirements file using the data/ directory.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { assembleKnowledgeBase } from '../src/kb/load.js';
import { parseRequirementsText } from '../src/requirements/parse.js';
import { recommend } from '../src/engine/recommend.js';

const dataDir = join(process.cwd(), 'data');
const files = [join(dataDir, 'kb.yaml'), join(dataDir, 'rules.yaml'), ...readdirSync(join(dataDir, 'brokers')).map((f) => join(dataDir, 'brokers', f))];
const { kb } = await assembleKnowledgeBase(files.map((file) => ({ file, text: readFileSync(file, 'utf8'), layer: 'shipped' as const })));
const req = await parseRequirementsText(readFileSync(process.argv[2]!, 'utf8'), process.argv[2]!);
const result = recommend(req, kb);
if (process.argv[3] === 'full') console.log(JSON.stringify(result, null, 2));
else {
  console.log(result.recommendation?.summary);
  for (const r of result.ranking) console.log(r.rank, r.broker, r.profile, r.score, r.clusterMode.id, JSON.stringify(r.clusterMode.nodes), Object.entries(r.breakdown).map(([k, v]) => `${k}:${v.fit}`).join(' '));
  for (const e of result.eliminated) console.log('X', e.broker, e.reasons.join(' | '));
  for (const w of result.warnings) console.log('W', w.id, w.message);
  console.log(JSON.stringify(result.comparison, null, 1));
}

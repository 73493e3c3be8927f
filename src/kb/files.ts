import * as z from 'zod/mini';
import { modelSchema } from './model-schema.js';
import { brokerSchema, metaFileSchema, rulesFileSchema } from './schema.js';

/** One knowledge-base file: a broker, the rules, the meta data or the scoring model (told apart by `kind`). */
export const kbFileSchema = z.discriminatedUnion('kind', [brokerSchema, rulesFileSchema, metaFileSchema, modelSchema]);
export type KbFile = z.output<typeof kbFileSchema>;

import { z } from 'zod';
import { HttpExchangeSchema } from './http-exchange';

/** One HTTP request of a remote server's traffic (the Network view): the recorded exchange, numbered across runs. */
export const NetworkEntrySchema = HttpExchangeSchema.extend({
  /** Increasing for the server across its runs (an exchange's `seq` starts again with each run). */
  id: z.number().int(),
});
export type NetworkEntry = z.infer<typeof NetworkEntrySchema>;

/** The `network.recorded` stream: the kept entries first, then each new one. */
export const NetworkBatchSchema = z.object({ entries: z.array(NetworkEntrySchema) });
export type NetworkBatch = z.infer<typeof NetworkBatchSchema>;

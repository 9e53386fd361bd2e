import { z } from 'zod';

/** Server ids appear in file names and URLs: keep them boring. */
export const ServerIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, "-" and "_" only');
export type ServerId = z.infer<typeof ServerIdSchema>;

/** Epoch milliseconds. Payloads are plain JSON: no Date objects on the wire. */
export const EpochMsSchema = z.number();

/** Arbitrary JSON from a server: we carry it, we never trust its shape. */
export const JsonObjectSchema = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObjectSchema>;

/**
 * Set on a request an MCP App made (its `ui://` resource URI): the engine sends it like any other,
 * and the protocol log and history say it came from that App, not from the person.
 */
export const FromAppSchema = z.string().min(1).max(2048).optional();

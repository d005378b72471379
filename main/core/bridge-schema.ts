// Shared pieces of the bridge's argument schemas; each feature keeps its own schemas beside its
// handlers. The schemas live in main so the contract stays import-free (and the preload tiny).
import { z } from 'zod';
import type { ArgOf, Feature, Method } from '../../preload/contract';

/** One schema per call of a feature, typed by the contract: a missing or mistyped one does not compile. */
export type FeatureSchemas<F extends Feature> = { [M in Method<F>]: z.ZodType<ArgOf<F, M>> };

/** Every feature's schemas. */
export type BridgeSchemas = { [F in Feature]: FeatureSchemas<F> };

/** An id the app made (a connection, environment, report…). */
export const id = z.string().min(1).max(100);
/** Text up to a length. */
export const text = (max: number) => z.string().max(max);
/** A call that takes no argument. */
export const noArg = z.undefined();

import { z } from 'zod';
import { id, noArg, text, type FeatureSchemas } from '../bridge-schema';

const connectArgs = z.strictObject({ environmentId: id, reconnectId: id.optional() });

/** Arguments of the connections screen's calls. */
export const connectionSchemas: FeatureSchemas<'connections'> = {
  list: noArg,
  connect: connectArgs,
  cancelSignIn: noArg,
  signInWithBrowser: connectArgs,
  finishBrowserSignIn: z.strictObject({ flowId: id, landedUrl: text(16 * 1024) }),
  refresh: z.strictObject({ id }),
  rename: z.strictObject({ id, label: text(120) }),
  disconnect: z.strictObject({ id }),
};

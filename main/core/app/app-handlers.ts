import type { FeatureHandlers } from '../../../preload/contract';
import type { AppConfig } from '../app-config';
import { ok } from '../result';
import type { AppStatus } from './app-status';
import type { CopyService } from './copy-service';

/** Who the app is (with the notices so far), and copies through main so a secret can be wiped again. */
export function appHandlers(config: AppConfig, status: AppStatus, copies: CopyService): FeatureHandlers<'app'> {
  return {
    info: async () =>
      ok({
        productName: config.productName,
        version: config.version,
        shell: config.shell,
        platform: config.platform,
        dataDir: config.dataDir,
        notices: status.notices,
      }),
    copyText: async ({ text, secret }) => {
      if (!secret) {
        await copies.copy(text);
        return ok({ clearsAt: null });
      }
      return ok({ clearsAt: new Date(await copies.copySecret(text)).toISOString() });
    },
  };
}

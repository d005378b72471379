import type { BridgeHandlers } from '../dispatch';
import { ok } from '../result';
import type { DiagnosticsService } from './diagnostics-service';

type DiagnosticsChannels = 'diagnostics:report' | 'diagnostics:save' | 'diagnostics:copy' | 'logs:open-folder';

/** The diagnostics screen's calls: preview, save through the dialog, copy, and open the logs folder. */
export function diagnosticsHandlers(diagnostics: DiagnosticsService): Pick<BridgeHandlers, DiagnosticsChannels> {
  return {
    'diagnostics:report': async () => ok(await diagnostics.build()),
    'diagnostics:save': ({ format }) => diagnostics.save(format),
    'diagnostics:copy': ({ format }) => diagnostics.copy(format),
    'logs:open-folder': () => diagnostics.openLogsFolder(),
  };
}

import type { AppInfo } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { updateOn, useQuery } from '../../shared/use-query';

/** Who the app is (version, shell, data folder) and its notices, which can arrive after the window shows (the keychain check, admin secrets). */
export function useAppInfo() {
  return useQuery(bridge.app.info, {
    refetchOn: [
      updateOn(
        (apply) => bridge.app.on('noticesChanged', apply),
        (info: AppInfo | null, notices: string[]): AppInfo | null => info && { ...info, notices },
      ),
    ],
  });
}

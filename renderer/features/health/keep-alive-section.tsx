import type { KeepAliveSetting } from '../../../preload/contract';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { useAction } from '../../shared/use-action';
import { useQuery } from '../../shared/use-query';

/** Settings → "Keep connections alive in the background" (off unless chosen; the admin file may decide). */
export function KeepAliveSection() {
  const setting = useQuery(bridge.health.keepAlive);
  const change = useAction(async (enabled: boolean) => {
    const result = await bridge.health.setKeepAlive({ enabled });
    if (result.ok) setting.update(() => result.value);
    return result;
  });
  const value: KeepAliveSetting | null = setting.data;
  return (
    <section className="card settings-section" aria-labelledby="keep-alive-title">
      <h2 id="keep-alive-title">Staying connected</h2>
      <p className="hint">
        A connection stays alive as long as it is renewed within its lifetime (30 days for ApprovalMax). This app renews
        every connection at least once a week while it runs, and warns 5 days before one would stop.
      </p>
      {value && (
        <label className="checkbox-line">
          <input
            type="checkbox"
            checked={value.enabled}
            disabled={value.setByAdmin || change.busy}
            onChange={(e) => void change.run(e.target.checked)}
          />
          <span>Keep connections alive in the background</span>
        </label>
      )}
      {value && <p className="hint">{explain(value)}</p>}
      <CallError error={setting.error ?? change.error} />
    </section>
  );
}

function explain(setting: KeepAliveSetting): string {
  const admin = setting.setByAdmin ? 'Your IT team sets this for this computer. ' : '';
  if (!setting.startsAtLogin)
    return `${admin}While it is on, closing the window keeps the app running so it can renew connections and tell you about problems. This computer cannot start the app at login by itself, so open it after signing in.`;
  return `${admin}While it is on, the app starts when you sign in to this computer, without a window, with an icon in the system tray or menu bar (Open, Check all connections, Quit); it renews connections and tells you about any problem.`;
}

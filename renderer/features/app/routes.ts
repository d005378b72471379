import { useEffect, useState } from 'react';

/** The screens, in the order the navigation lists them. */
export const SCREENS = [
  { id: 'connections', label: 'Connections' },
  { id: 'ping', label: 'Test the API' },
  { id: 'workbench', label: 'Browse API data' },
  { id: 'inspector', label: 'Inspect a token' },
  { id: 'activity', label: 'Activity' },
  { id: 'diagnostics', label: 'Diagnostics' },
  { id: 'settings', label: 'Settings' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];
export interface Route {
  readonly screen: ScreenId;
  readonly param?: string;
}

/** `#screen` or `#screen/param` (e.g. `#inspector/<connection id>`). */
const fromHash = (): Route => {
  const [id, param] = window.location.hash.slice(1).split('/');
  const screen = SCREENS.find((s) => s.id === id)?.id ?? 'connections';
  return param ? { screen, param: decodeURIComponent(param) } : { screen };
};

/** The screen the address names, following the navigation links. */
export function useRoute(): Route {
  const [route, setRoute] = useState(fromHash);
  useEffect(() => {
    const onHash = () => setRoute(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/** Goes to a screen, as a navigation link would. */
export const goTo = (screen: ScreenId) => void (window.location.hash = `#${screen}`);

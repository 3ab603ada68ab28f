// The screen pop's place in the agent's first load: only this slot; the view itself is a chunk loaded right after
// start (the first-load budget), long before an offer normally arrives.
import type { Api } from '../api/client';
import type { ScreenPop } from '../api/types';

export const popSlot: {
  view?: (api: Api, pop: ScreenPop | null | undefined) => HTMLElement | null;
  event?: (name: string, data: unknown) => void;
} = {};

export function loadScreenPop(onLoaded: () => void): void {
  if (popSlot.view) return;
  void import('./screenpop').then((m) => { popSlot.view = m.screenPopView; popSlot.event = m.screenPopEvent; onLoaded(); });
}

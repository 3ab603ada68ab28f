// The agent toolbar's page state and the actions its views call: shared by toolbar.ts (which owns them) and
// views.ts (which draws them), so neither imports the other.
import type { Api } from '../api/client';
import type { AllowedCallerId, CallView, DispositionCode, PauseReason, TransferTargetGroup } from '../api/types';
import type { LinkState } from '../hub/hub';
import type { RegistrationState, Softphone } from '../softphone/softphone';
import type { Model } from './model';
import type { ShortcutAction, ShortcutKeys } from './shortcuts';

export interface Ui {
  model: Model;
  link: LinkState;
  linkDetail?: string;
  sandbox: boolean | null;
  pauseReasons: PauseReason[];
  /** The tenant's active disposition codes (empty: free text). */
  dispositions: DispositionCode[];
  /** The caller IDs I may present on outbound calls (empty: the trunk's default only). */
  callerIds: AllowedCallerId[];
  softphone: Softphone;
  registration: RegistrationState;
  softphoneNotice?: string;
  /** The last state change a supervisor made for her: "Changed by Sam: message" (dismissable). */
  supervisorNote?: string;
  toast?: { text: string; kind: 'error' | 'info' };
  panel: 'dial' | 'directory' | 'recent' | 'waiting' | 'settings';
  picker: null | { mode: 'transfer' | 'consult' | 'add'; callId: string };
  keypadFor: string | null;
  menuOpen: boolean;
  /** The last call I worked, for disposition during wrap-up. */
  lastCallId: string | null;
  lastCall: CallView | null;
  tabConflict: string | null;
  takenOver: boolean;
  autoAnswered: Set<string>;
  notifiedOffers: Set<string>;
  usableMarked: boolean;
  /** The browser blocks sound until the agent clicks (autoplay rule, e.g. after a reload). */
  soundBlocked: boolean;
  /** Signed in as a user who is not an agent (supervisor, admin). */
  nonAgent: boolean;
  /** Signed in, but the shell shows another workspace (or she is not an agent): the toolbar stays idle. */
  dormant: boolean;
  /** Alt + letter per action (Settings → Keyboard shortcuts). */
  shortcuts: ShortcutKeys;
}

/** Notes typed for a call and not saved yet (`disposition`: a code's id, or free text); `open` keeps the form open across re-renders. */
export interface NoteDraft { disposition?: string; remarks?: string; open?: boolean }

/** My own notes on a call (each agent of a call keeps hers). */
export const myNote = (call: CallView, me: string | undefined) => call.notes?.find((n) => n.agentId === me);

/** The request body of my notes: a code by id (or '' to clear it), else free text; undefined keeps a field. */
export function noteBody(codes: boolean, disposition: string | undefined, remarks: string | undefined) {
  return codes && disposition ? { dispositionId: disposition, remarks } : { disposition, remarks };
}

export type CallAction = Parameters<Api['callAction']>[1];

export interface Actions {
  api: Api;
  act<T>(fn: () => Promise<T>, after?: (r: T) => void): Promise<T | undefined>;
  clearToast(): void;
  transferGroups(): Promise<TransferTargetGroup[]>;
  noteDraft(callId: string): NoteDraft;
  saveNotes(callId: string): Promise<void>;
  enableSound(): Promise<void>;
  dismissSupervisorNote(): void;
  answer(id: string): Promise<void>;
  callAction(id: string, action: CallAction): Promise<void>;
  showToast(text: string, kind?: 'error' | 'info'): void;
  render(): void;
  setPanel(p: Ui['panel']): void;
  openPicker(mode: 'transfer' | 'consult' | 'add', callId: string): void;
  closePicker(): void;
  toggleKeypad(callId: string): void;
  toggleMenu(open?: boolean): void;
  sendDtmf(callId: string, d: string): void;
  logout(): Promise<void>;
  signOut(): Promise<void>;
  agentLogin(ready: boolean, reason: string | undefined, phone: string | undefined): Promise<void>;
  takeOver(): Promise<void>;
  /** Changes one shortcut's letter; false (and a message) when refused. */
  setShortcut(action: ShortcutAction, key: string): boolean;
}

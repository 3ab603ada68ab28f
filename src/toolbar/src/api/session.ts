// The one REST client of the page and who is signed in, shared by every workspace (agent, supervisor, admin).
import { store } from '../shared/store';
import { Api } from './client';
import type { Me } from './types';

export const api = new Api();

/** The signed-in user, or null (the sign-in page). */
export const currentUser = store<Me | null>(null);

let signOutImpl: () => Promise<void> = async () => { await api.logoutSession(); currentUser.set(null); };

/** The shell decides what signing out ends (the agent's hub and softphone too); every page calls this. */
export function setSignOut(fn: () => Promise<void>): void { signOutImpl = fn; }
export function signOut(): Promise<void> { return signOutImpl(); }

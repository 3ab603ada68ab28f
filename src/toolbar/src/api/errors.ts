// ProblemDetails `code` → the sentence an agent reads. One table, in one place.

export const ERROR_SENTENCES: Readonly<Record<string, string>> = {
  validation_failed: 'Some fields are missing or not valid.',
  invalid_credentials: 'Wrong username or password.',
  account_locked: 'This account is locked after too many wrong passwords. Try again later or ask your administrator.',
  account_disabled: 'This account is disabled. Ask your administrator.',
  tenant_not_found: 'No company with that domain.',
  weak_password: 'That password is too weak.',
  forbidden: 'You are not allowed to do that.',
  not_found: 'Not found.',
  conflict: 'That cannot be done right now.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
  invalid_state_transition: 'That state change is not possible right now.',
  agent_not_logged_in: 'You are not logged in as an agent.',
  agent_already_logged_in: 'You are already logged in as an agent, maybe in another window.',
  agent_not_found: 'That agent does not exist.',
  agent_not_ready: 'You are not Ready.',
  agent_busy: 'You are busy on another call.',
  unknown_pause_reason: 'That Not Ready reason does not exist.',
  not_in_wrap_up: 'You are not in Wrap-up.',
  working_mode_forbids_call: 'Your working mode does not allow this call.',
  not_a_member: 'You are not a member of that skill group.',
  call_not_found: 'That call has ended.',
  target_not_ready: 'That agent is not Ready.',
  target_offline: 'That agent is not logged in.',
  already_held: 'The call is already on Hold.',
  not_held: 'The call is not on Hold.',
  no_consult_in_progress: 'There is no consultation to complete.',
  consult_in_progress: 'Finish or cancel the consultation first.',
  conference_full: 'The conference is full.',
  answer_on_device: 'Answer the call on your phone.',
  call_not_ringing: 'The call is no longer ringing.',
  call_not_connected: 'The call is not connected.',
  skill_group_not_found: 'That skill group does not exist.',
  number_blocked: 'That number is blocked.',
  recording_not_allowed: 'Recording is not allowed for this call.',
  not_recording: 'The call is not being recorded.',
  auto_answer_not_allowed: 'Your company does not let agents change auto-answer; ask an administrator.',
  not_an_agent: 'You are not an agent of the call center.',
  pbx_unavailable: 'The phone system is not reachable. Try again in a moment.',
  sandbox_only: 'This works only in sandbox mode.',
  unauthenticated: 'Your session has ended. Please sign in again.',
  internal_error: 'Something went wrong on the server. Try again; if it persists, tell your administrator.',
  http_error: 'The server refused the request.',
  network_error: 'The server cannot be reached. Check your connection.',
};

/** The human sentence for a code; falls back to the server's title, then to a generic sentence. */
export function errorSentence(code: string | undefined | null, title?: string | null, status?: number): string {
  if (code && Object.prototype.hasOwnProperty.call(ERROR_SENTENCES, code)) return ERROR_SENTENCES[code]!;
  if (title) return title;
  if (status === 404) return ERROR_SENTENCES.not_found!;
  if (status && status >= 500) return ERROR_SENTENCES.internal_error!;
  return 'That did not work. Try again.';
}

/** An API refusal: HTTP status, stable code and the sentence to show. */
export class ApiError extends Error {
  constructor(public readonly status: number, public readonly code: string, message: string, public readonly problem?: unknown) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds an ApiError from a response body (ProblemDetails or anything else). */
export function problemToError(status: number, body: unknown): ApiError {
  const pd = (body && typeof body === 'object' ? body : {}) as { code?: string; title?: string; errors?: Record<string, string[]> };
  const code = pd.code ?? (status === 401 ? 'unauthenticated' : 'http_error');
  let sentence = errorSentence(code, pd.title, status);
  if (code === 'validation_failed' && pd.errors) {
    const first = Object.entries(pd.errors)[0];
    if (first) sentence = `${sentence} ${first[0]}: ${first[1].join(' ')}`;
  }
  return new ApiError(status, code, sentence, body);
}

import { describe, expect, it } from 'vitest';
import { ERROR_SENTENCES, errorSentence, problemToError } from '../src/api/errors';

// Every code the Domain can send (src/CtiBridge.Domain/Errors/CtiException.cs) has a sentence.
const DOMAIN_CODES = [
  'validation_failed', 'invalid_credentials', 'account_locked', 'account_disabled', 'tenant_not_found', 'weak_password',
  'forbidden', 'not_found', 'conflict', 'rate_limited', 'invalid_state_transition', 'agent_not_logged_in',
  'agent_already_logged_in', 'agent_not_found', 'agent_not_ready', 'agent_busy', 'unknown_pause_reason', 'not_in_wrap_up',
  'working_mode_forbids_call', 'not_a_member', 'call_not_found', 'target_not_ready', 'target_offline',
  'already_held', 'not_held', 'no_consult_in_progress', 'consult_in_progress', 'conference_full', 'answer_on_device',
  'call_not_ringing', 'call_not_connected', 'skill_group_not_found', 'number_blocked', 'recording_not_allowed',
  'not_recording', 'pbx_unavailable', 'sandbox_only', 'unauthenticated', 'internal_error', 'http_error',
];

describe('error codes → sentences', () => {
  it('has a sentence for every domain code', () => {
    for (const code of DOMAIN_CODES) expect(ERROR_SENTENCES[code], code).toBeTruthy();
  });
  it('says what a transfer refusal means', () => {
    expect(errorSentence('target_not_ready')).toBe('That agent is not Ready.');
  });
  it('falls back to the server title, then to the status', () => {
    expect(errorSentence('brand_new_code', 'The server says no.')).toBe('The server says no.');
    expect(errorSentence(undefined, undefined, 503)).toMatch(/went wrong/);
    expect(errorSentence(undefined, undefined, 404)).toBe('Not found.');
  });
  it('turns a ProblemDetails body into an error with code and sentence', () => {
    const e = problemToError(409, { title: 'Target agent is not ready', status: 409, code: 'target_not_ready' });
    expect(e.status).toBe(409);
    expect(e.code).toBe('target_not_ready');
    expect(e.message).toBe('That agent is not Ready.');
  });
  it('names the first invalid field of a validation problem', () => {
    const e = problemToError(400, { code: 'validation_failed', errors: { Domain: ['Required.'] } });
    expect(e.message).toBe('Some fields are missing or not valid. Domain: Required.');
  });
  it('treats a bare 401 as an ended session', () => {
    expect(problemToError(401, '').code).toBe('unauthenticated');
  });
});

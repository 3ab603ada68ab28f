// Shapes of the public API, derived from the types generated from docs/openapi.json (./schema.d.ts, `npm run api-types`):
// a property the server renames, drops or makes nullable breaks the type check here or where it is used.
// The hub's events are in the same document (components named by `x-hub-events`, see ./events.ts).
import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * A response as it arrives. The document marks no property required (the same schemas describe request bodies, where
 * many may be left out), but the server's JSON writes every property of a response: one that cannot be null is always
 * there; one that can be null is typed optional as well (`x?: T | null`), so a test's or an older cache's object may
 * leave it out.
 */
export type Wire<T> = T extends readonly (infer U)[] ? Wire<U>[]
  : T extends object ? Flat<
    { -readonly [K in keyof T as null extends T[K] ? never : K]-?: Wire<Exclude<T[K], undefined>> } &
    { -readonly [K in keyof T as null extends T[K] ? K : never]+?: Wire<T[K]> }>
  : T;
type Flat<T> = { [K in keyof T]: T[K] };
type Optional<T, K extends keyof T> = Flat<Omit<T, K> & Partial<Pick<T, K>>>;

/** The schema named `name` as it arrives (see Wire). */
export type Schema<N extends keyof Schemas> = Wire<Schemas[N]>;

export type AgentStatus = Schemas['Domain.Agents.AgentStatus'];
export type PendingKind = Schemas['Domain.Agents.PendingKind'];
export type ExtensionKind = Schemas['Domain.Tenants.ExtensionKind'];
export type WorkingMode = Schemas['Domain.Tenants.WorkingMode'];
export type CallKind = Schemas['Domain.Calls.CallKind'];
export type CallDirection = Schemas['Domain.Calls.CallDirection'];
export type CallState = Schemas['Domain.Calls.CallState'];
export type PartyRole = Schemas['Domain.Calls.PartyRole'];
export type PartyState = Schemas['Domain.Calls.PartyState'];

/** autoAnswer, autoAnswerChangeable and revision were added later: a view without them reads as false / 0. */
export type AgentView = Optional<Schema<'Application.Events.AgentView'>, 'autoAnswer' | 'autoAnswerChangeable' | 'revision'>;
export type PartyView = Schema<'Application.Events.PartyView'>;
export type AttachedDataItem = Schema<'Application.Events.AttachedDataItem'>;
export type CallView = Schema<'Application.Events.CallView'>;
/** A skill group as a transfer target (GET /skill-groups/transfer-targets). */
export type TransferTargetGroup = Schema<'Api.CallCenter.TransferTargetGroup'>;
export type SkillGroupStats = Schema<'Application.Events.SkillGroupStats'>;
export type WaitingCallView = Schema<'Application.Events.WaitingCallView'>;
export type WaitingCaller = Schema<'Application.Events.WaitingCaller'>;
export type GroupToday = Schema<'Application.Events.GroupToday'>;
export type GroupFigures = Schema<'Application.Reports.GroupFigures'>;
/** The server sends the state as text (null for users who are not agents); it is one of AgentStatus. */
export type DirectoryEntry = Omit<Schema<'Api.CallCenter.DirectoryEntry'>, 'status'> & { status: AgentStatus | null };
export type PauseReason = Schema<'Api.CallCenter.PauseReasonView'>;
export type DispositionCode = Schema<'Application.Dispositions.DispositionCodeView'>;
export type AllowedCallerId = Schema<'Application.CallerIds.AllowedCallerId'>;
export type FreePhone = Schema<'Api.CallCenter.FreePhone'>;
export type Me = Schema<'Application.Auth.MeResponse'>;
export type SessionResponse = Schema<'Application.Auth.SessionResponse'>;

/** One message of the user's resumable stream: every event but a skill group's statistics carries this envelope. */
export type HubEnvelope<T = unknown> = Omit<Schema<'Api.Events.EventEnvelope'>, 'data'> & { data: T };

/**
 * A skill group's statistics, sent to the group's subscribers beside the stream: no epoch or seq, full current figures
 * (the newest replaces what was there; a missed one is repaired by the next or by the next Resume answer).
 */
export type SkillGroupMessage = Omit<Schema<'Api.Events.SkillGroupMessage'>, 'name' | 'data'> & { name: 'skillGroupStatsChanged'; data: SkillGroupStatsChangedData };

export type ResumeResult = Omit<Schema<'Api.Hubs.ResumeResult'>, 'events' | 'snapshot'> & {
  events?: HubEnvelope[] | null;
  snapshot?: Flat<Omit<Schema<'Api.Hubs.StateSnapshot'>, 'agent' | 'team'> & { agent: AgentView | null; team?: TeamAgentView[] | null }> | null;
};

/** Payloads of the events (the hub's `data`, as the document's x-hub-events names them). */
/** Who changed the agent's state on her behalf (a supervisor or admin) and their message. */
export type StateChangedBy = Schema<'Domain.Agents.StateChangedBy'>;
export type AgentStateChangedData = Schema<'Application.Events.AgentStateChangedEvent'>;
export type CallOfferedData = Schema<'Application.Events.CallOfferedEvent'>;
/** The caller's contacts and last calls, and the tenant's third-party page, sent with the offer (docs/contacts.md). */
export type ScreenPop = Schema<'Application.Contacts.ScreenPop'>;
export type CallStateChangedData = Schema<'Application.Events.CallStateChangedEvent'>;
export type ParticipantsChangedData = Schema<'Application.Events.ParticipantsChangedEvent'>;
export type CallEndedData = Schema<'Application.Events.CallEndedEvent'>;
export type SkillGroupStatsChangedData = Schema<'Application.Events.SkillGroupStatsChangedEvent'>;
export type PhoneRegistrationChangedData = Schema<'Application.Events.DeviceChangedEvent'>;
export type PbxConnectionChangedData = Schema<'Application.Events.PbxConnectionChangedEvent'>;

/** Call records (docs/reports.md): one call in a list, its journey, and a page with the next keyset cursor. */
export type CallOutcome = Schemas['Data.Entities.CallOutcome'];
export type CallRecordSummary = Schema<'Application.Records.CallRecordSummary'>;
export type CallRecordPage = Schema<'Application.Records.CallRecordPage'>;
export type CallJourneyLeg = Schema<'Application.Records.CallJourneyLeg'>;
export type CallRecordingRef = Schema<'Application.Records.CallRecordingRef'>;
export type CallRecordDetail = Schema<'Application.Records.CallRecordDetail'>;
export type RecordingPlayUrl = Schema<'Api.Records.RecordingPlayUrl'>;
/** The supervisor's team view (GET /supervision/team, snapshot.team). */
export type TeamSkillGroupView = Schema<'Application.Supervision.Team.TeamSkillGroupView'>;
export type TeamCallView = Schema<'Application.Supervision.Team.TeamCallView'>;
export type TeamRef = Schema<'Application.Supervision.Team.TeamRef'>;
export type TeamPhoneView = Schema<'Application.Supervision.Team.TeamPhoneView'>;
export type TeamAgentView = Flat<Omit<Schema<'Application.Supervision.Team.TeamAgentView'>, 'agent'> & { agent: AgentView }>;

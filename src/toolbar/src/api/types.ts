// Shapes of the public API (src/CtiBridge.Application/Events/CallCenterEvents.cs), camelCase, enums as strings.

export type AgentStatus = 'LoggedOut' | 'Ready' | 'NotReady' | 'Ringing' | 'OnCall' | 'WrapUp';
export type PendingKind = 'None' | 'NotReady' | 'Logout';
export type ExtensionKind = 'Web' | 'Sip' | 'Remote';
export type WorkingMode = 'Inbound' | 'Outbound' | 'Both' | 'SelfSelect';
export type CallKind = 'Queue' | 'Direct' | 'Outbound' | 'Internal';
export type CallDirection = 'Inbound' | 'Outbound' | 'Internal';
export type CallState = 'Waiting' | 'Ringing' | 'Connected' | 'Ended';
export type PartyRole = 'Customer' | 'Agent' | 'External';
export type PartyState = 'Ringing' | 'Connected' | 'Consulting' | 'Left';

export interface AgentView {
  agentId: string;
  displayName: string;
  agentNumber?: string | null;
  extension: string;
  extensionKind: ExtensionKind;
  status: AgentStatus;
  reason?: string | null;
  stateSince?: string | null;
  pending: PendingKind;
  pendingReason?: string | null;
  callId?: string | null;
  wrapUpEndsAt?: string | null;
  pausedSkillGroupIds: string[];
  workingMode: WorkingMode;
  deviceAvailable: boolean;
  /** Offered calls are answered without a click (the agent's setting). */
  autoAnswer?: boolean;
  /** The tenant lets the agent switch auto-answer herself (PUT /agent/auto-answer). */
  autoAnswerChangeable?: boolean;
  /** Optional profile flag; read when the backend sends it. */
  notificationsEnabled?: boolean;
  /** Rises with every change of this view; of two views of the agent, the higher revision is the newer. */
  revision?: number;
}

export interface PartyView {
  legId: string;
  role: PartyRole;
  agentId?: string | null;
  name: string;
  number: string;
  state: PartyState;
  held: boolean;
  muted: boolean;
}

export interface AttachedDataItem { key: string; value: string }

export interface CallView {
  callId: string;
  kind: CallKind;
  direction: CallDirection;
  state: CallState;
  skillGroupId?: string | null;
  skillGroupName?: string | null;
  customerNumber: string;
  customerName?: string | null;
  attachedData: AttachedDataItem[];
  parties: PartyView[];
  ownerAgentId?: string | null;
  held: boolean;
  recording: boolean;
  createdAt: string;
  answeredAt?: string | null;
  ringingUntil?: string | null;
  consultLegOwner?: string | null;
  disposition?: string | null;
  remarks?: string | null;
  /** The agent who last transferred the call to whoever has it now (her notes are disposition and remarks). */
  transferredBy?: string | null;
  transferredByName?: string | null;
}

/** A skill group as a transfer target (GET /skill-groups/transfer-targets). */
export interface TransferTargetGroup { skillGroupId: string; name: string; agentsFree: number }

export interface SkillGroupStats {
  skillGroupId: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  agentsLoggedIn: number;
  agentsReady: number;
  agentsFree: number;
}

export interface WaitingCallView {
  callId: string;
  position: number;
  customerNumber: string;
  enqueuedAt: string;
  waitSeconds: number;
  attachedData: AttachedDataItem[];
}

export interface DirectoryEntry {
  agentId: string;
  displayName: string;
  extension?: string | null;
  email?: string | null;
  /** null for users who are not agents (supervisors, admins). */
  status: AgentStatus | null;
  role?: string;
  reason?: string | null;
  skillGroupIds: string[];
}

export interface PauseReason { code: string | number; name: string }

export interface FreePhone { endpoint: string; extension: string; description?: string | null; registered: boolean }

export interface Me {
  userId: string;
  tenantId: string;
  tenantDomain: string;
  username: string;
  displayName: string;
  email?: string | null;
  agentNumber?: string | null;
  roles: string[];
  isPlatformAdmin: boolean;
  extension?: string | null;
}

export interface SessionResponse {
  accessToken: string;
  accessTokenExpiresAt: string;
  /** Null for the web app: the refresh token is an HttpOnly cookie. */
  refreshToken: string | null;
  refreshTokenExpiresAt: string;
  user: Me;
  tokenType?: string;
}

/** One message of the user's resumable stream: every event but a skill group's statistics carries this envelope. */
export interface HubEnvelope<T = unknown> { epoch: string | number; seq: number; name: string; data: T }

/**
 * A skill group's statistics, sent to the group's subscribers beside the stream: no epoch or seq, full current figures
 * (the newest replaces what was there; a missed one is repaired by the next or by the next Resume answer).
 */
export interface SkillGroupMessage { name: 'skillGroupStatsChanged'; at: string; data: SkillGroupStatsChangedData }

export interface ResumeResult {
  epoch: string | number;
  seq: number;
  events?: HubEnvelope[];
  snapshot?: { agent: AgentView | null; calls: CallView[]; skillGroups: SkillGroupStats[]; team?: TeamAgentView[] | null };
  /** The current statistics of the groups this connection receives, in every answer. */
  skillGroups?: SkillGroupStats[];
}

/** Payloads of the events (see CallCenterEvents.cs). */
/** Who changed the agent's state on her behalf (a supervisor or admin) and their message. */
export interface StateChangedBy { userId: string; name: string; message?: string | null }
export interface AgentStateChangedData { agent: AgentView; trigger?: string; changedBy?: StateChangedBy | null }
export interface CallOfferedData { agentId: string; call: CallView; countdownSeconds: number; screenPop?: ScreenPop | null }
/** The caller's contacts and last calls, and the tenant's third-party page, sent with the offer (docs/contacts.md). */
export interface ScreenPop {
  number: string | null;
  contacts: { contactId: string; name: string; company: string | null; numberLabel: string | null }[];
  recentCalls: { callId: string; offeredAt: string; direction: string; outcome: string; talkSeconds: number; agentName: string | null }[];
  thirdPartyUrl: string | null;
  thirdPartyTrigger: 'Offered' | 'Answered';
  thirdPartyTarget: 'NewTab' | 'Panel';
}
export interface CallStateChangedData { call: CallView; change?: string }
export interface ParticipantsChangedData { call: CallView; party: PartyView; joined: boolean }
export interface CallEndedData { call: CallView; reason: string }
export interface SkillGroupStatsChangedData { stats: SkillGroupStats }
export interface PhoneRegistrationChangedData { endpoint: string; registered: boolean; inUse: boolean; agentId?: string | null }
export interface PbxConnectionChangedData { connected: boolean; description: string }

/** Call records (docs/reports.md): one call in a list, its journey, and a page with the next keyset cursor. */
export type CallOutcome = 'NotAnswered' | 'Answered' | 'Abandoned' | 'Busy' | 'Failed';
export interface CallRecordSummary {
  id: string;
  direction: 'Inbound' | 'Outbound' | 'Internal';
  kind?: 'Queue' | 'Direct' | 'Outbound' | 'Internal' | null;
  skillGroupId?: string | null;
  skillGroupName?: string | null;
  customerNumber?: string | null;
  customerName?: string | null;
  dialedNumber?: string | null;
  offeredAt: string;
  answeredAt?: string | null;
  endedAt?: string | null;
  inProgress: boolean;
  outcome: CallOutcome;
  endReason?: string | null;
  waitSeconds: number;
  ringSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  holdCount: number;
  offerCount: number;
  ronaCount: number;
  answeredById?: string | null;
  answeredByName?: string | null;
  dispositionId?: string | null;
  dispositionName?: string | null;
  hasRecording: boolean;
}
export interface CallRecordPage { items: CallRecordSummary[]; nextCursor?: string | null }
export interface CallJourneyLeg {
  role: 'Customer' | 'Agent' | 'Consult' | 'Conference' | 'Supervisor';
  agentId?: string | null; agentName?: string | null; number?: string | null;
  startedAt: string; answeredAt?: string | null; endedAt?: string | null; endReason?: string | null; rona: boolean;
}
export interface CallRecordingRef { recordingId: string; agentId?: string | null; startedAt: string; endedAt?: string | null; durationSeconds: number; inProgress: boolean; legalHold: boolean }
export interface CallRecordDetail {
  summary: CallRecordSummary;
  remarks?: string | null;
  legs?: CallJourneyLeg[] | null;
  wrapUps?: { agentId: string; agentName?: string | null; startedAt: string; seconds: number }[] | null;
  attachedData?: Record<string, string> | null;
  recordings?: CallRecordingRef[] | null;
}
/** The supervisor's team view (GET /supervision/team, snapshot.team). */
export interface TeamSkillGroupView { skillGroupId: string; name: string; paused: boolean }
export interface TeamCallView {
  callId: string; direction: CallDirection; state: CallState; customerNumber: string; skillGroupId?: string | null;
  skillGroupName?: string | null; since: string; held: boolean; muted: boolean; recording: boolean;
}
export interface TeamAgentView { agent: AgentView; skillGroups: TeamSkillGroupView[]; call?: TeamCallView | null }

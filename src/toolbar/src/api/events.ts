// The hub's event contract: each event's name on the wire and the schema of its `data`, as docs/openapi.json lists
// them under `x-hub-events` (written by the server from its event types). tests/contract.test.ts keeps this table
// equal to the document, so an event the server adds, renames or drops fails the unit tests until it is typed here;
// the data types themselves come from the generated schema (./schema.d.ts), so their fields are checked by tsc.
import type { Schema } from './types';

export const HUB_EVENT_SCHEMAS = {
  agentStateChanged: 'Application.Events.AgentStateChangedEvent',
  callbackDue: 'Application.Callbacks.CallbackDueEvent',
  callbackEscalated: 'Application.Callbacks.CallbackEscalatedEvent',
  callbackUpdated: 'Application.Callbacks.CallbackUpdatedEvent',
  callEnded: 'Application.Events.CallEndedEvent',
  callOffered: 'Application.Events.CallOfferedEvent',
  callStateChanged: 'Application.Events.CallStateChangedEvent',
  dialTaskChanged: 'Application.DialTasks.DialTaskChangedEvent',
  dialTaskProgress: 'Application.DialTasks.DialTaskProgressEvent',
  monitoringEnded: 'Application.Supervision.Monitoring.MonitoringEndedEvent',
  monitoringModeChanged: 'Application.Supervision.Monitoring.MonitoringModeChangedEvent',
  monitoringStarted: 'Application.Supervision.Monitoring.MonitoringStartedEvent',
  participantsChanged: 'Application.Events.ParticipantsChangedEvent',
  pbxConnectionChanged: 'Application.Events.PbxConnectionChangedEvent',
  phoneRegistrationChanged: 'Application.Events.DeviceChangedEvent',
  skillGroupStatsChanged: 'Application.Events.SkillGroupStatsChangedEvent',
} as const;

export type HubEventName = keyof typeof HUB_EVENT_SCHEMAS;
/** The `data` of the event `N`. */
export type HubEventData<N extends HubEventName> = Schema<(typeof HUB_EVENT_SCHEMAS)[N]>;

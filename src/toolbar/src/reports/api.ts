// The reports' REST calls (GET /api/v1/reports/…) and their shapes, as docs/openapi.json names them. Every figure is
// computed by the server (one definition per figure: docs/reports.md); the page only draws them.
import { api } from '../api/session';
import type { AgentStatus } from '../api/types';

export interface ReportRange { from: string; to: string }
export interface PauseTime { reason: string; seconds: number }
export interface AgentFigures {
  offered: number; answered: number; notAnswered: number; abandoned: number; answeredPercent: number | null;
  serviceLevelPercent: number | null; averageWaitSeconds: number | null; longestWaitSeconds: number | null;
  averageTalkSeconds: number | null; averageHoldSeconds: number | null; wrapUps: number; averageWrapUpSeconds: number | null;
  occupancyPercent: number | null; loginSeconds: number; readySeconds: number; busySeconds: number; pauseByReason: PauseTime[];
}
export interface GroupFigures {
  offered: number; answered: number; abandoned: number; notAnswered: number; rona: number; answeredWithinServiceLevel: number;
  serviceLevelPercent: number | null; averageWaitSeconds: number | null; longestWaitSeconds: number;
  averageTalkSeconds: number | null; averageHoldSeconds: number | null; movedOn: number;
  averageWrapUpSeconds: number | null;
}
export interface AgentReport { agentId: string; name: string; range: ReportRange; figures: AgentFigures }
export interface TeamReport { teamId: string; name: string; range: ReportRange; total: AgentFigures; agents: AgentReport[] }
export interface SkillGroupReport { skillGroupId: string; name: string; serviceLevelSeconds: number; range: ReportRange; figures: GroupFigures }
export interface AgentDashboard { agentId: string; today: AgentReport; yesterday: AgentReport; thisMonth: AgentReport }
export interface StateInterval { agentId: string; status: AgentStatus; reason: string | null; from: string; to: string; seconds: number }
export interface AgentTimeline { agentId: string; day: string; intervals: StateInterval[] }
export interface ReportSubject { id: string; name: string }
export interface ReportTeam { id: string; name: string; agents: ReportSubject[] }
export interface ReportSubjects { teams: ReportTeam[]; skillGroups: ReportSubject[] }

const range = (r: ReportRange) => `from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}`;

export const reportsApi = {
  dashboard: (): Promise<AgentDashboard> => api.request('GET', '/reports/agent-dashboard'),
  subjects: (): Promise<ReportSubjects> => api.request('GET', '/reports/subjects'),
  agent: (id: string, r: ReportRange): Promise<AgentReport> => api.request('GET', `/reports/agents/${encodeURIComponent(id)}?${range(r)}`),
  team: (id: string, r: ReportRange): Promise<TeamReport> => api.request('GET', `/reports/teams/${encodeURIComponent(id)}?${range(r)}`),
  skillGroup: (id: string, r: ReportRange): Promise<SkillGroupReport> => api.request('GET', `/reports/skill-groups/${encodeURIComponent(id)}?${range(r)}`),
  timeline: (id: string, day: string): Promise<AgentTimeline> =>
    api.request('GET', `/reports/agents/${encodeURIComponent(id)}/timeline?day=${encodeURIComponent(day)}`),
};

// The desk's skill-group dashboard: per group the waiting callers (each with its wait, ticking), agents by state, today's
// figures and service level; and the actions on a waiting call (up, down, to another group, to a Ready agent).
import { useState } from 'preact/hooks';
import { api } from '../api/session';
import { ApiError } from '../api/errors';
import type { SkillGroupStats, WaitingCaller } from '../api/types';
import { longestWait, seconds, serviceLevel } from './groups';
import type { Team } from './team';

const base = (g: string, c: string) => `/supervision/skill-groups/${g}/waiting/${c}`;

function CallerRow({ group, caller, count, groups, team, now, onResult }: {
  group: SkillGroupStats; caller: WaitingCaller; count: number; groups: SkillGroupStats[]; team: Team; now: number;
  onResult: (text: string, error?: boolean) => void;
}) {
  const others = groups.filter((g) => g.skillGroupId !== group.skillGroupId);
  const ready = Object.values(team).filter((a) => a.agent.status === 'Ready' && a.agent.deviceAvailable)
    .sort((a, b) => a.agent.displayName.localeCompare(b.agent.displayName));
  const [target, setTarget] = useState('');
  const [agent, setAgent] = useState('');
  const who = caller.customerNumber || 'caller';
  async function act(what: string, method: 'PUT' | 'POST', path: string, body: unknown) {
    try { await api.request(method, path, body); onResult(`${who}: ${what}.`); }
    catch (x) { onResult(`${who}: ${x instanceof ApiError ? x.message : String(x)}`, true); }
  }
  const moveTo = target || others[0]?.skillGroupId || '';
  const handTo = agent || ready[0]?.agent.agentId || '';
  return (
    <tr data-call={caller.callId}>
      <td data-label="Position">{caller.position}</td>
      <th scope="row">{who}</th>
      <td data-label="Waiting" class="tick">{seconds(Math.max(0, (now - Date.parse(caller.enqueuedAt)) / 1000))}</td>
      <td><div class="actions">
        <button type="button" disabled={caller.position <= 1}
          onClick={() => act('moved up', 'PUT', `${base(group.skillGroupId, caller.callId)}/position`, { position: caller.position - 1 })}>
          Up<span class="visually-hidden"> {who}</span>
        </button>
        <button type="button" disabled={caller.position >= count}
          onClick={() => act('moved down', 'PUT', `${base(group.skillGroupId, caller.callId)}/position`, { position: caller.position + 1 })}>
          Down<span class="visually-hidden"> {who}</span>
        </button>
        {others.length > 0 && (
          <span class="pick">
            <select aria-label={`Group for ${who}`} value={moveTo} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
              {others.map((g) => <option key={g.skillGroupId} value={g.skillGroupId}>{g.name}</option>)}
            </select>
            <button type="button" onClick={() => act(`moved to ${others.find((g) => g.skillGroupId === moveTo)?.name}`, 'POST',
              `${base(group.skillGroupId, caller.callId)}/move`, { skillGroupId: moveTo })}>
              Move<span class="visually-hidden"> {who} to the group</span>
            </button>
          </span>
        )}
        <span class="pick">
          <select aria-label={`Ready agent for ${who}`} value={handTo} disabled={!ready.length} onChange={(e) => setAgent((e.target as HTMLSelectElement).value)}>
            {ready.length ? ready.map((a) => <option key={a.agent.agentId} value={a.agent.agentId}>{a.agent.displayName}</option>)
              : <option value="">No agent Ready</option>}
          </select>
          <button type="button" disabled={!handTo} onClick={() => act(`handed to ${team[handTo]?.agent.displayName}`, 'POST',
            `${base(group.skillGroupId, caller.callId)}/hand`, { agentId: handTo })}>
            Hand over<span class="visually-hidden"> {who} to the agent</span>
          </button>
        </span>
      </div></td>
    </tr>
  );
}

export function GroupDashboard({ groups, team, now }: { groups: SkillGroupStats[]; team: Team; now: number }) {
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>({ text: '' });
  if (!groups.length) return null;
  return (
    <section class="groups" aria-labelledby="groups-title">
      <h2 id="groups-title">Skill groups</h2>
      <p role="status" class={notice.error ? 'error' : 'notice'}>{notice.text}</p>
      <div class="group-cards">
        {groups.map((g) => {
          const f = g.today?.figures;
          const callers = g.callers ?? [];
          return (
            <article class="group card" key={g.skillGroupId} data-group={g.skillGroupId} aria-labelledby={`g-${g.skillGroupId}`}>
              <h3 id={`g-${g.skillGroupId}`}>{g.name}</h3>
              <dl class="figures">
                <div><dt>Waiting</dt><dd class="waiting">{g.waiting}</dd></div>
                <div><dt>Longest wait</dt><dd class="tick">{seconds(longestWait(g, now))}</dd></div>
                <div><dt>Service level ({g.serviceLevelSeconds ?? 20} s)</dt><dd class="sl">{serviceLevel(g)}</dd></div>
                <div><dt>Ready</dt><dd>{g.agentsReady}</dd></div>
                <div><dt>Busy</dt><dd>{g.agentsBusy ?? 0}</dd></div>
                <div><dt>Not Ready</dt><dd>{g.agentsNotReady ?? 0}</dd></div>
                <div><dt>Wrap-up</dt><dd>{g.agentsWrapUp ?? 0}</dd></div>
              </dl>
              <p class="today">Today: <span class="offered">{f?.offered ?? '—'}</span> offered, <span class="answered">{f?.answered ?? '—'}</span> answered,{' '}
                <span class="abandoned">{f?.abandoned ?? '—'}</span> abandoned · average wait {seconds(f?.averageWaitSeconds)}, talk {seconds(f?.averageTalkSeconds)}</p>
              {callers.length > 0 && (
                <table class="list callers">
                  <caption>Waiting callers of {g.name}</caption>
                  <thead><tr><th scope="col">#</th><th scope="col">Caller</th><th scope="col">Waiting</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
                  <tbody>
                    {callers.map((c) => (
                      <CallerRow key={c.callId} group={g} caller={c} count={callers.length} groups={groups} team={team} now={now}
                        onResult={(text, error) => setNotice({ text, error })} />
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

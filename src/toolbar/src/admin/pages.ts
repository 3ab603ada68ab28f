// The admin console's pages, in menu order. Feature areas add theirs here (dispositions, caller IDs, flows, …).
import type { ComponentType } from 'preact';
import { TenantPage } from './tenant';
import { UsersPage } from './users';
import { TeamsPage, PauseReasonsPage, BlocklistPage, ApiKeysPage } from './lists';
import { PhonesPage } from './phones';
import { SkillGroupsPage } from './skillgroups';
import { WebhooksPage } from './webhooks';
import { AuditPage } from './audit';
import { WallboardsPage } from './wallboards';
import { DispositionsPage } from './dispositions';
import { CallerIdsPage } from './callerids';
import { SelfServiceFlowsPage } from './selfservice';

export interface AdminPage { slug: string; title: string; component: ComponentType }

export const ADMIN_PAGES: readonly AdminPage[] = [
  { slug: 'tenant', title: 'Tenant settings', component: TenantPage },
  { slug: 'users', title: 'Users', component: UsersPage },
  { slug: 'teams', title: 'Teams', component: TeamsPage },
  { slug: 'skill-groups', title: 'Skill groups', component: SkillGroupsPage },
  { slug: 'phones', title: 'Phones', component: PhonesPage },
  { slug: 'pause-reasons', title: 'Pause reasons', component: PauseReasonsPage },
  { slug: 'dispositions', title: 'Disposition codes', component: DispositionsPage },
  { slug: 'caller-ids', title: 'Caller IDs', component: CallerIdsPage },
  { slug: 'self-service', title: 'Self-service flows', component: SelfServiceFlowsPage },
  { slug: 'api-keys', title: 'API keys', component: ApiKeysPage },
  { slug: 'webhooks', title: 'Webhooks', component: WebhooksPage },
  { slug: 'wallboards', title: 'Wallboards', component: WallboardsPage },
  { slug: 'blocklist', title: 'Blocklist', component: BlocklistPage },
  { slug: 'audit', title: 'Audit log', component: AuditPage },
];

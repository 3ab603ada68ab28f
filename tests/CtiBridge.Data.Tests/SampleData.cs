using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using AgentStateChange = CtiBridge.Data.Entities.AgentStateChange;

namespace CtiBridge.Data.Tests;

/// <summary>One fully populated row of every entity, linked together, for one tenant.</summary>
public static class SampleData
{
    // Whole milliseconds, and a non-UTC offset on purpose: instants are stored as UTC.
    public static readonly DateTimeOffset T0 = new(2026, 3, 4, 10, 11, 12, 345, TimeSpan.FromHours(2));

    public static List<object> Graph(string domain)
    {
        var tenant = new Tenant
        {
            Domain = domain, Name = $"Tenant {domain}", Enabled = true, CreatedAt = T0,
            Settings = new TenantSettings
            {
                NotificationsEnabled = false, NumberMaskingRule = "keep-last:4", AttachedDataKeys = ["orderId", "language"],
                DefaultMusicOnHoldClass = "jazz", RecordingPolicy = RecordingPolicy.Always, DirectCallsRequireReady = true,
                DeviceUnavailableAutoReturn = false, NoAgentRule = NoAgentRule.FallbackDestination, WrapUpDefaultSeconds = 45,
                TimeZone = "Europe/Berlin", CallbackReminderTimeoutSeconds = 120, CallbackEscalation = CallbackEscalation.OfferToGroup,
                TellMonitoredParties = true, MonitoringNoticeSound = "custom/call-monitored",
            },
        };
        var t = tenant.Id;
        var user = new User
        {
            TenantId = t, Username = "agent1", Email = "agent1@" + domain + ".example", AgentNumber = "1001", DisplayName = "Agent One",
            Roles = UserRoles.Agent | UserRoles.Supervisor, IsPlatformAdmin = true, PasswordHash = "v1$hash", Enabled = false,
            FailedLoginCount = 3, LockedUntil = T0.AddMinutes(15), PasswordChangedAt = T0, CreatedAt = T0, LastLoginAt = T0.AddDays(1),
        };
        var profile = new AgentProfile
        {
            UserId = user.Id, TenantId = t, Extension = "1001", ExtensionKind = ExtensionKind.Remote, IvrPinHash = "v1$pin",
            WrapUpSeconds = 20, AcwMode = AcwMode.AfterRing, WorkingMode = WorkingMode.SelfSelect, AutoAnswer = true,
            MobileNumber = "+4915112345678", HotDesking = true,
        };
        var session = new AgentSession
        {
            UserId = user.Id, TenantId = t, Status = nameof(AgentStatus.OnCall), Reason = "Break", Pending = nameof(PendingKind.NotReady),
            PendingReason = "Lunch", HotDeskEndpoint = "PJSIP/" + domain + "-2001", ReachNumber = "+4915112345678",
            WorkingMode = nameof(WorkingMode.Inbound), PausedSkillGroupIds = $"{Guid.NewGuid()},{Guid.NewGuid()}",
            LoggedInAt = T0, StateSince = T0.AddMinutes(5), IdleSince = T0.AddMinutes(1), UpdatedAt = T0.AddMinutes(6),
        };
        var refresh = new RefreshToken { TenantId = t, UserId = user.Id, TokenHash = Guid.NewGuid().ToString("N"), CreatedAt = T0, ExpiresAt = T0.AddDays(7), RevokedAt = T0.AddHours(1), ReplacedById = Guid.NewGuid() };
        var team = new Team { TenantId = t, Name = "Team A" };
        var teamSup = new TeamSupervisor { TenantId = t, TeamId = team.Id, UserId = user.Id };
        var teamMember = new TeamMember { TenantId = t, TeamId = team.Id, UserId = user.Id };
        var overflow = new SkillGroup { TenantId = t, Name = "Overflow" };
        var group = new SkillGroup
        {
            TenantId = t, Name = "Sales", Number = "800", MaxWaitSeconds = 120, OverflowSkillGroupId = overflow.Id, OverflowDestination = "900",
            AnnouncePosition = true, AnnounceIntervalSeconds = 30, RingTimeoutSeconds = 15, NoAgentRule = NoAgentRule.FallbackDestination,
            FallbackDestination = "901", ClosedDestination = "902", MusicOnHoldClass = "sales",
            BusinessHours = new BusinessHours { TimeZone = "Europe/Berlin", Rules = [new BusinessHoursRule { Days = [DayOfWeek.Monday, DayOfWeek.Friday], Open = new TimeOnly(8, 0), Close = new TimeOnly(17, 30) }] },
        };
        var membership = new SkillGroupMembership { TenantId = t, SkillGroupId = group.Id, UserId = user.Id, Priority = 2 };
        var pause = new PauseReason { TenantId = t, Code = 1, Name = "Break" };
        var systemPause = new PauseReason { TenantId = t, Name = "Missed", IsSystem = true, SystemKey = PauseReason.SystemMissed, Enabled = false };
        var phone = new Phone { TenantId = t, EndpointName = domain + "-2001", Extension = "2001", Description = "Desk 1", HotDesk = true };
        var blocked = new BlockedNumber { TenantId = t, Number = "+15551234", Direction = BlockDirection.Both, Note = "spam", CreatedAt = T0 };
        var disposition = new Disposition { TenantId = t, Code = "sale", Name = "Sale", SkillGroupId = group.Id, Enabled = false };
        var call = new CallRecord
        {
            TenantId = t, Direction = CallDirection.Inbound, SkillGroupId = group.Id, CustomerNumber = "+15550001", DialedNumber = "800",
            OfferedAt = T0, AnsweredAt = T0.AddSeconds(10), EndedAt = T0.AddMinutes(3), WaitSeconds = 5, RingSeconds = 5, TalkSeconds = 170,
            HoldSeconds = 12, EndReason = CallEndReason.AgentTransfer, DispositionId = disposition.Id, Remarks = "wants a quote", DialTaskId = Guid.NewGuid(),
        };
        var leg = new CallLeg
        {
            TenantId = t, CallId = call.Id, Role = CallLegRole.Agent, UserId = user.Id, Endpoint = domain + "-1001", ChannelId = "chan-" + domain,
            StartedAt = T0.AddSeconds(5), AnsweredAt = T0.AddSeconds(10), EndedAt = T0.AddMinutes(3), EndReason = CallEndReason.Normal,
        };
        var data = new CallAttachedData { TenantId = t, CallId = call.Id, Key = "orderId", Value = "A-42" };
        var lease = new TenantLease { TenantId = t, NodeId = "node-a", NodeAddress = "http://10.0.0.1:8080", Epoch = 7, ExpiresAtMs = 1_772_611_872_345, AcquiredAt = T0 };
        var groupWait = new CallGroupWait { TenantId = t, CallId = call.Id, Seq = 0, SkillGroupId = group.Id, SkillGroupName = "Sales", EnteredAt = T0, LeftAt = T0.AddSeconds(10) };
        var agentNotes = new CallAgentDisposition { TenantId = t, CallId = call.Id, UserId = user.Id, DispositionId = disposition.Id, Disposition = "Sale", Remarks = "wants a quote", SavedAt = T0.AddMinutes(4) };
        var callerId = new OutboundCallerId { TenantId = t, Number = "+15557000", Label = "Sales line", TeamId = team.Id };
        var flow = new TenantSelfServiceFlow { TenantId = t, Name = "account", Prompt = "custom/enter-account", MaxDigits = 8, Terminator = "*", TimeoutSeconds = 20, DataKey = "accountNumber" };
        var recording = new Recording { TenantId = t, CallId = call.Id, UserId = user.Id, Type = RecordingType.AutoDial, Name = "rec-1", Format = "wav", StartedAt = T0, EndedAt = T0.AddMinutes(2), DurationSeconds = 120 };
        var state = new AgentStateChange { TenantId = t, UserId = user.Id, At = T0, From = AgentStatus.Ready, To = AgentStatus.NotReady, Reason = "Break", PauseReasonId = pause.Id, Pending = true, CallId = call.Id };
        var contact = new Contact { TenantId = t, OwnerUserId = user.Id, Shared = true, Name = "Ada", Company = "ACME", Email = "ada@acme.example", Notes = "VIP", CreatedAt = T0 };
        var contactNumber = new ContactNumber { TenantId = t, ContactId = contact.Id, Number = "+15550002", Label = "mobile" };
        var callback = new Callback
        {
            TenantId = t, CustomerNumber = "+15550002", ContactId = contact.Id, AssignedUserId = user.Id, SkillGroupId = group.Id, DueAt = T0.AddHours(2),
            Status = CallbackStatus.Completed, Notes = "call after lunch", CreatedByUserId = user.Id, CreatedAt = T0, CompletedAt = T0.AddHours(3), CallId = call.Id,
            TeamId = Guid.NewGuid(), Result = "reached", ReminderSentAt = T0.AddHours(2).AddSeconds(1), EscalatedAt = T0.AddHours(2).AddMinutes(5),
        };
        var task = new DialTask
        {
            TenantId = t, Name = "Campaign", OwnerUserId = user.Id, TeamId = team.Id, Status = DialTaskStatus.Paused, FirstDay = new DateOnly(2026, 1, 5),
            LastDay = new DateOnly(2026, 1, 9), DailyStart = new TimeOnly(9, 0), DailyEnd = new TimeOnly(17, 30), BusyRetries = 2, BusyRetryMinutes = 10,
            NoAnswerRetries = 3, NoAnswerRetryMinutes = 60, CallerId = "+15557000", WindowOpen = true, CreatedAt = T0,
        };
        var taskAgent = new DialTaskAgent { TenantId = t, DialTaskId = task.Id, UserId = user.Id };
        var item = new DialTaskItem
        {
            TenantId = t, DialTaskId = task.Id, Position = 3, Number = "+15550003", ContactId = contact.Id, Status = DialTaskItemStatus.Done, Attempts = 2,
            BusyCount = 1, NoAnswerCount = 0, LastOutcome = DialAttemptOutcome.Answered, LastAttemptAt = T0, NextAttemptAt = T0.AddMinutes(10),
            ClaimedByUserId = user.Id, ClaimedAt = T0, CallId = call.Id, DispositionId = disposition.Id, Result = "Sale", Remark = "wants a visit",
            CompletedByUserId = user.Id, CompletedAt = T0.AddMinutes(12),
        };
        var apiKey = new ApiKey { TenantId = t, Name = "CRM", Prefix = "ck_" + domain[..Math.Min(8, domain.Length)], KeyHash = "abc", Scopes = ApiKeyScopes.Read | ApiKeyScopes.CallControl, CreatedAt = T0, ExpiresAt = T0.AddYears(1), RevokedAt = T0.AddDays(2), LastUsedAt = T0.AddDays(1) };
        var hook = new WebhookEndpoint { TenantId = t, Url = "https://crm.example/hook", Secret = "s3cret", EventTypes = "call.ended", Enabled = false, CreatedAt = T0 };
        var delivery = new WebhookDelivery { TenantId = t, EndpointId = hook.Id, EventType = "call.ended", Payload = "{\"a\":1}", Status = WebhookDeliveryStatus.Failed, Attempts = 4, CreatedAt = T0, NextAttemptAt = T0.AddMinutes(5), DeliveredAt = T0.AddMinutes(6), LastError = "timeout" };
        var wallboard = new WallboardKey { TenantId = t, Name = "Floor 2", Prefix = "wb_" + domain[..Math.Min(8, domain.Length)], KeyHash = "def", SkillGroupIds = group.Id.ToString(), CreatedAt = T0, RevokedAt = T0.AddDays(3) };
        var audit = new Audit.AuditEntry { TenantId = t, At = T0.AddMinutes(7), ActorType = Audit.AuditActorType.ApiKey, ActorId = apiKey.Id, ActorName = "CRM", Action = "user.updated", TargetType = "user", TargetId = user.Id.ToString(), IpAddress = "2001:db8::7", Before = "{\"displayName\":\"Ann\"}", After = "{\"displayName\":\"Ann B\"}" };

        return
        [
            tenant, user, profile, session, refresh, team, teamSup, teamMember, overflow, group, membership, pause, systemPause, phone, blocked,
            disposition, call, leg, data, groupWait, lease, agentNotes, callerId, flow, recording, state, contact, contactNumber, callback, task, taskAgent, item, apiKey, hook, delivery, audit, wallboard,
        ];
    }
}

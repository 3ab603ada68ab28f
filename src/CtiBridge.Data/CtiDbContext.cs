using System.Linq.Expressions;
using System.Text.Json;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Agents;
using CtiBridge.Domain.Calls;
using CtiBridge.Domain.Tenants;
using AgentStateChange = CtiBridge.Data.Entities.AgentStateChange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CtiBridge.Data;

/// <summary>
/// The one EF Core context of CtiBridge, provider-neutral (SQLite or PostgreSQL).
/// <para>
/// <b>Tenant isolation (fail-closed):</b> every entity implements <see cref="ITenantOwned"/> and has a
/// global query filter <c>IsSystemScope || TenantId == ScopedTenantId</c>. A context starts scoped to the
/// tenant of <see cref="ICurrentTenant"/> (the signed-in user's tenant); with no tenant it sees
/// <i>nothing</i>. Code that must work across tenants (login before the tenant is known, seeding,
/// platform-admin tenant management, background jobs) says so explicitly with
/// <see cref="ScopeToTenant"/> or <see cref="ScopeToSystem"/>. <see cref="SaveChanges(bool)"/> stamps new
/// rows with the scoped tenant and refuses to write a row of another tenant.
/// </para>
/// </summary>
public class CtiDbContext : DbContext
{
    private Guid _tenantId;
    private bool _systemScope;

    private readonly Audit.IAuditActor? _auditActor;
    private readonly TimeProvider _clock;

    public CtiDbContext(DbContextOptions<CtiDbContext> options, ICurrentTenant? currentTenant = null, Audit.IAuditActor? auditActor = null,
        TimeProvider? clock = null) : base(options)
    {
        if (currentTenant?.TenantId is { } t) _tenantId = t;
        _auditActor = auditActor;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The tenant every query is limited to; null when unscoped (queries then return nothing).</summary>
    public Guid? ScopedTenantId => _tenantId == Guid.Empty ? null : _tenantId;

    /// <summary>True after <see cref="ScopeToSystem"/>: queries see every tenant.</summary>
    public bool IsSystemScope => _systemScope;

    /// <summary>
    /// Limits this context to <paramref name="tenantId"/>. Refuses to move a context already scoped
    /// to another tenant (so a request can never hop tenants), except out of the system scope
    /// (e.g. login: look the tenant up across tenants, then work inside it).
    /// </summary>
    public CtiDbContext ScopeToTenant(Guid tenantId)
    {
        if (tenantId == Guid.Empty) throw new ArgumentException("Empty tenant id.", nameof(tenantId));
        if (!_systemScope && _tenantId != Guid.Empty && _tenantId != tenantId)
            throw new InvalidOperationException("This context is already scoped to another tenant.");
        _tenantId = tenantId;
        _systemScope = false;
        return this;
    }

    /// <summary>
    /// Lifts the tenant filter for this context. Use only where crossing tenants is the point:
    /// login lookup by domain, seeding, platform administration, background jobs over all tenants.
    /// </summary>
    public CtiDbContext ScopeToSystem()
    {
        _systemScope = true;
        return this;
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamSupervisor> TeamSupervisors => Set<TeamSupervisor>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<AgentProfile> AgentProfiles => Set<AgentProfile>();
    public DbSet<AgentSession> AgentSessions => Set<AgentSession>();
    public DbSet<TenantLease> TenantLeases => Set<TenantLease>();
    public DbSet<SkillGroup> SkillGroups => Set<SkillGroup>();
    public DbSet<SkillGroupMembership> SkillGroupMemberships => Set<SkillGroupMembership>();
    public DbSet<PauseReason> PauseReasons => Set<PauseReason>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<BlockedNumber> BlockedNumbers => Set<BlockedNumber>();
    public DbSet<AgentStateChange> AgentStateChanges => Set<AgentStateChange>();
    public DbSet<CallRecord> CallRecords => Set<CallRecord>();
    public DbSet<CallLeg> CallLegs => Set<CallLeg>();
    public DbSet<CallAttachedData> CallAttachedData => Set<CallAttachedData>();
    public DbSet<CallGroupWait> CallGroupWaits => Set<CallGroupWait>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<Disposition> Dispositions => Set<Disposition>();
    public DbSet<CallAgentDisposition> CallAgentDispositions => Set<CallAgentDisposition>();
    public DbSet<OutboundCallerId> OutboundCallerIds => Set<OutboundCallerId>();
    public DbSet<TenantSelfServiceFlow> SelfServiceFlows => Set<TenantSelfServiceFlow>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactNumber> ContactNumbers => Set<ContactNumber>();
    public DbSet<Callback> Callbacks => Set<Callback>();
    public DbSet<DialTask> DialTasks => Set<DialTask>();
    public DbSet<DialTaskItem> DialTaskItems => Set<DialTaskItem>();
    public DbSet<DialTaskAgent> DialTaskAgents => Set<DialTaskAgent>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<WallboardKey> WallboardKeys => Set<WallboardKey>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // SQLite cannot compare or order DateTimeOffset. Store every instant as a UTC DateTime:
        // SQLite keeps it as sortable ISO-8601 text, PostgreSQL as timestamptz. Offsets are not kept
        // (every instant in CtiBridge is UTC).
        b.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        b.Properties<DateTimeOffset?>().HaveConversion<UtcDateTimeOffsetConverter>();

        // Enums are stored by name (readable, and safe against reordering); [Flags] enums as int.
        EnumAsString<AgentStatus>(b);
        EnumAsString<CallDirection>(b);
        EnumAsString<CallEndReason>(b);
        EnumAsString<RecordingType>(b);
        EnumAsString<ExtensionKind>(b);
        EnumAsString<AcwMode>(b);
        EnumAsString<WorkingMode>(b);
        EnumAsString<NoAgentRule>(b);
        EnumAsString<RecordingPolicy>(b);
        EnumAsString<BlockDirection>(b);
        EnumAsString<CallLegRole>(b);
        EnumAsString<CallKind>(b);
        EnumAsString<CallOutcome>(b);
        EnumAsString<CallbackStatus>(b);
        EnumAsString<DialTaskStatus>(b);
        EnumAsString<DialTaskItemStatus>(b);
        EnumAsString<DialAttemptOutcome>(b);
        EnumAsString<WebhookDeliveryStatus>(b);
        EnumAsString<Audit.AuditActorType>(b);
        EnumAsString<ScreenPopTrigger>(b);
        EnumAsString<ScreenPopTarget>(b);
        EnumAsString<CallbackEscalation>(b);
    }

    private static void EnumAsString<TEnum>(ModelConfigurationBuilder b) where TEnum : struct, Enum
    {
        b.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);
        b.Properties<TEnum?>().HaveConversion<string>().HaveMaxLength(32);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder m)
    {
        // The call records' substring search (IX_CallRecords_Search); ignored by the other providers.
        m.HasPostgresExtension("pg_trgm");
        m.Entity<Tenant>(e =>
        {
            e.Ignore(x => x.TenantId);
            e.Property(x => x.Domain).HasMaxLength(63);
            e.HasIndex(x => x.Domain).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.AsteriskServer).HasMaxLength(63);
            e.ComplexProperty(x => x.Settings, s =>
            {
                s.Property(x => x.NumberMaskingRule).HasMaxLength(64);
                // Added by migration 202612051600_tenant_endpoint_names: existing tenants keep the documented default (off).
                s.Property(x => x.OutboundRequiresNotReady).HasDefaultValue(false);
                s.Property(x => x.DefaultMusicOnHoldClass).HasMaxLength(80);
                // Added by migration 202612051820_agents_choose_auto_answer to tenants that exist: the column has a default (false, the setting's default).
                s.Property(x => x.AgentsMayChooseAutoAnswer).HasDefaultValue(false);
                // Added by migration 202612051927_supervision_monitoring (off, the setting's default).
                s.Property(x => x.TellMonitoredParties).HasDefaultValue(false);
                // Added by migration 202612060315_monitoring_notice_sound (the beep that was played before).
                s.Property(x => x.MonitoringNoticeSound).HasMaxLength(80).HasDefaultValue("beep");
                s.Property(x => x.AttachedDataKeys).HasConversion(JsonConverter<List<string>>(), ListComparer()).HasMaxLength(1000);
                // Added by migration 202612051610_password_rule: existing tenants got the default (off) in the database.
                s.Property(x => x.RequirePasswordCharacterClasses).HasDefaultValue(false);
                // Added by migration 202612051940_call_record_search: existing tenants keep everything (0 = forever).
                s.Property(x => x.RecordingRetentionDays).HasDefaultValue(0);
                // Added by migration 202612052245_contacts (empty country, screen pop off).
                s.Property(x => x.Country).HasMaxLength(2).HasDefaultValue("");
                s.Property(x => x.ScreenPopUrlTemplate).HasMaxLength(2000).HasDefaultValue("");
                s.Property(x => x.ScreenPopTrigger).HasDefaultValue(ScreenPopTrigger.Offered);
                s.Property(x => x.ScreenPopTarget).HasDefaultValue(ScreenPopTarget.NewTab);
                // Added by migration 202612060145_callbacks (UTC, 5 minutes, notify the supervisor).
                s.Property(x => x.TimeZone).HasMaxLength(64).HasDefaultValue("UTC");
                s.Property(x => x.CallbackReminderTimeoutSeconds).HasDefaultValue(300);
                s.Property(x => x.CallbackEscalation).HasDefaultValue(CallbackEscalation.NotifySupervisor);
            });
        });

        m.Entity<User>(e =>
        {
            e.Property(x => x.Username).HasMaxLength(64);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.AgentNumber).HasMaxLength(20);
            e.Property(x => x.DisplayName).HasMaxLength(100);
            e.Property(x => x.PasswordHash).HasMaxLength(256);
            e.Property(x => x.SupervisorExtension).HasMaxLength(20);
            // Added by migration 202612051927_supervision_monitoring with a default for existing users (the setting's default).
            e.Property(x => x.SupervisorExtensionKind).HasDefaultValue(ExtensionKind.Web);
            e.HasIndex(x => new { x.TenantId, x.Username }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.Email }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.AgentNumber }).IsUnique();
            e.HasOne(x => x.AgentProfile).WithOne().HasForeignKey<AgentProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<RefreshToken>(e =>
        {
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<Team>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            // Added by migration 202612051927_supervision_monitoring: existing teams get 7 (monitor, whisper, barge). The
            // sentinel -1 makes EF write every value, 0 (no mode) included, instead of leaving it to the default.
            e.Property(x => x.MonitoringModes).HasDefaultValue(7).HasSentinel(-1);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
            e.HasMany(x => x.Supervisors).WithOne().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<TeamSupervisor>(e =>
        {
            e.HasKey(x => new { x.TeamId, x.UserId });
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<TeamMember>(e =>
        {
            e.HasKey(x => new { x.TeamId, x.UserId });
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<AgentProfile>(e =>
        {
            e.HasKey(x => x.UserId);
            e.Property(x => x.Extension).HasMaxLength(20);
            e.Property(x => x.IvrPinHash).HasMaxLength(256);
            e.Property(x => x.MobileNumber).HasMaxLength(32);
            e.HasIndex(x => new { x.TenantId, x.Extension }).IsUnique();
        });

        m.Entity<TenantLease>(e =>
        {
            e.HasKey(x => x.TenantId);
            e.Property(x => x.NodeId).HasMaxLength(100);
            e.Property(x => x.NodeAddress).HasMaxLength(300);
        });

        m.Entity<AgentSession>(e =>
        {
            e.HasKey(x => x.UserId);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(100);
            e.Property(x => x.Pending).HasMaxLength(32);
            e.Property(x => x.PendingReason).HasMaxLength(100);
            e.Property(x => x.HotDeskEndpoint).HasMaxLength(120);
            e.Property(x => x.ReachNumber).HasMaxLength(64);
            e.Property(x => x.WorkingMode).HasMaxLength(32);
            e.HasOne<User>().WithOne().HasForeignKey<AgentSession>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<SkillGroup>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.OverflowDestination).HasMaxLength(64);
            e.Property(x => x.FallbackDestination).HasMaxLength(64);
            e.Property(x => x.ClosedDestination).HasMaxLength(64);
            e.Property(x => x.MusicOnHoldClass).HasMaxLength(80);
            // Added by migration 202612051940_call_record_search: existing groups get the common 20 s.
            e.Property(x => x.ServiceLevelSeconds).HasDefaultValue(20);
            e.Property(x => x.BusinessHours).HasConversion(JsonConverter<BusinessHours?>(), JsonComparer<BusinessHours>()).HasMaxLength(4000);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
            e.HasOne<SkillGroup>().WithMany().HasForeignKey(x => x.OverflowSkillGroupId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Memberships).WithOne().HasForeignKey(x => x.SkillGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<SkillGroupMembership>(e =>
        {
            e.HasKey(x => new { x.SkillGroupId, x.UserId });
            e.HasIndex(x => new { x.TenantId, x.UserId });
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<PauseReason>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.SystemKey).HasMaxLength(32);
            e.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.SystemKey }).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        m.Entity<Phone>(e =>
        {
            e.Property(x => x.EndpointName).HasMaxLength(100);
            e.Property(x => x.Extension).HasMaxLength(20);
            e.Property(x => x.Description).HasMaxLength(200);
            // One Asterisk serves every tenant: an endpoint name belongs to one tenant only (docs/provisioning.md).
            e.HasIndex(x => x.EndpointName).IsUnique();
            e.HasIndex(x => new { x.TenantId, x.Extension });
        });

        m.Entity<BlockedNumber>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        });

        m.Entity<AgentStateChange>(e =>
        {
            e.Property(x => x.Reason).HasMaxLength(100);
            e.Property(x => x.Message).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.UserId, x.At });
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<CallRecord>(e =>
        {
            e.Property(x => x.CustomerNumber).HasMaxLength(32);
            e.Property(x => x.DialedNumber).HasMaxLength(32);
            e.Property(x => x.Remarks).HasMaxLength(2000);
            e.Property(x => x.CustomerName).HasMaxLength(200);
            // Columns added by migration 202612051940_call_record_search carry defaults for the rows that existed.
            e.Property(x => x.Outcome).HasDefaultValue(CallOutcome.NotAnswered);
            e.Property(x => x.HoldCount).HasDefaultValue(0);
            e.Property(x => x.OfferCount).HasDefaultValue(0);
            e.Property(x => x.RonaCount).HasDefaultValue(0);
            e.Property(x => x.HasRecording).HasDefaultValue(false);
            // Keyset pagination: (OfferedAt, Id) is the sort key, newest first.
            e.HasIndex(x => new { x.TenantId, x.OfferedAt, x.Id });
            // Added by migration 202612060415_dial_tasks: the dial task a call was placed for (no foreign key: records outlive tasks).
            e.HasIndex(x => new { x.TenantId, x.DialTaskId });
            e.HasIndex(x => new { x.TenantId, x.CustomerNumber });
            e.HasIndex(x => new { x.TenantId, x.SkillGroupId, x.OfferedAt });
            e.HasIndex(x => new { x.TenantId, x.AnsweredByUserId, x.OfferedAt });
            // Added by migration 202612070900_call_records_open: the few records still open (live calls), read after each resync.
            e.HasIndex(x => x.TenantId, "IX_CallRecords_Open").HasFilter("\"EndedAt\" IS NULL");
            // Substring search of number and name: a trigram GIN index on PostgreSQL (pg_trgm); other providers get a
            // plain index here, and SQLite searches its FTS5 trigram table CallRecordSearch (migration 202612051940).
            e.HasIndex(x => new { x.CustomerNumber, x.CustomerName }, "IX_CallRecords_Search")
                .HasMethod("gin").HasOperators("gin_trgm_ops", "gin_trgm_ops");
            // AnsweredByUserId has no foreign key: a record keeps who answered after the user is deleted (legs do the same by SetNull).
            e.HasOne<SkillGroup>().WithMany().HasForeignKey(x => x.SkillGroupId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Disposition>().WithMany().HasForeignKey(x => x.DispositionId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Legs).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.AttachedData).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.GroupWaits).WithOne().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<CallLeg>(e =>
        {
            e.Property(x => x.Endpoint).HasMaxLength(100);
            e.Property(x => x.ChannelId).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.UserId, x.StartedAt });
            // The records' type filters: transferred (by end reason) and consulted (by role) calls in a date range.
            e.HasIndex(x => new { x.TenantId, x.EndReason, x.StartedAt });
            e.HasIndex(x => new { x.TenantId, x.Role, x.StartedAt });
            // Visibility and the agent filter: "calls this user took part in".
            e.HasIndex(x => new { x.UserId, x.CallId });
            e.HasIndex(x => x.ChannelId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        });
        m.Entity<CallAttachedData>(e =>
        {
            e.HasKey(x => new { x.CallId, x.Key });
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.Value).HasMaxLength(1000);
        });
        m.Entity<CallGroupWait>(e =>
        {
            e.HasKey(x => new { x.CallId, x.Seq });
            e.Property(x => x.SkillGroupName).HasMaxLength(200);
            // The records' skill-group filter finds a call in the groups the caller moved on from (migration 202612070200,
            // which set MovedOn for the waits stored before it).
            e.Property(x => x.MovedOn).HasDefaultValue(false);
            e.HasIndex(x => new { x.TenantId, x.SkillGroupId, x.MovedOn, x.EnteredAt, x.CallId }, "IX_CallGroupWaits_Group");
        });
        m.Entity<Recording>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Format).HasMaxLength(10);
            e.Property(x => x.LegalHold).HasDefaultValue(false);
            e.HasIndex(x => new { x.TenantId, x.StartedAt });
            e.HasOne<CallRecord>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
        });
        m.Entity<Disposition>(e =>
        {
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(100);
            // Added by migration 202612060140_disposition_codes.
            e.Property(x => x.Category).HasMaxLength(50);
            e.Property(x => x.RemarksRequired).HasDefaultValue(false);
            e.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
            e.HasOne<SkillGroup>().WithMany().HasForeignKey(x => x.SkillGroupId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<CallAgentDisposition>(e =>
        {
            e.Property(x => x.Disposition).HasMaxLength(100);
            e.Property(x => x.Remarks).HasMaxLength(2000);
            e.HasIndex(x => new { x.CallId, x.UserId }).IsUnique();
            e.HasIndex(x => x.UserId);
            e.HasIndex(x => x.DispositionId);
            e.HasOne<CallRecord>().WithMany().HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
            // A code in use cannot be deleted (DispositionsAdmin refuses); NO ACTION keeps that true in the schema too, checked at
            // the end of the statement so that deleting a tenant (which cascades to both) still works.
            e.HasOne<Disposition>().WithMany().HasForeignKey(x => x.DispositionId).OnDelete(DeleteBehavior.NoAction);
        });

        // Added by migration 202612060205_outbound_caller_ids.
        m.Entity<OutboundCallerId>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Label).HasMaxLength(100);
            e.HasIndex(x => new { x.TenantId, x.Number });
            // A team's numbers go with the team.
            e.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
        });

        // Added by migration 202612060415_self_service_flows.
        m.Entity<TenantSelfServiceFlow>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Prompt).HasMaxLength(80);
            e.Property(x => x.Terminator).HasMaxLength(1);
            e.Property(x => x.DataKey).HasMaxLength(64);
            e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        });

        m.Entity<Contact>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Company).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => new { x.TenantId, x.OwnerUserId });
            e.HasIndex(x => new { x.TenantId, x.TeamId });
            // Search by name as a substring: a trigram GIN index on PostgreSQL (pg_trgm); a plain index elsewhere, and SQLite
            // searches its FTS5 trigram table ContactSearch (migration 202612060431_contact_search).
            e.HasIndex(x => x.Name, "IX_Contacts_Search").HasMethod("gin").HasOperators("gin_trgm_ops");
            e.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Numbers).WithOne().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<ContactNumber>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Label).HasMaxLength(32);
            // Added by migration 202612052245_contacts (existing numbers: their text, until saved again).
            e.Property(x => x.NormalizedNumber).HasMaxLength(32).HasDefaultValue("");
            e.Property(x => x.Unparsable).HasDefaultValue(false);
            e.Property(x => x.Position).HasDefaultValue(0);
            e.HasIndex(x => new { x.TenantId, x.Number });
            // Screen pop: the contact of a caller's number, at offer time (docs/contacts.md, benchmark in docs/benchmarks.md).
            e.HasIndex(x => new { x.TenantId, x.NormalizedNumber });
            // Search by number as a substring (as written or E.164): see IX_Contacts_Search.
            e.HasIndex(x => new { x.Number, x.NormalizedNumber }, "IX_ContactNumbers_Search")
                .HasMethod("gin").HasOperators("gin_trgm_ops", "gin_trgm_ops");
        });
        m.Entity<Callback>(e =>
        {
            e.Property(x => x.CustomerNumber).HasMaxLength(32);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.HasIndex(x => new { x.TenantId, x.Status, x.DueAt });
            // Added by migration 202612060145_callbacks. TeamId has no foreign key: a deleted team leaves its callbacks
            // to the admins (who see every callback) instead of a third cascade path to the table on SQL Server.
            e.Property(x => x.Result).HasMaxLength(200);
            e.HasIndex(x => new { x.TenantId, x.TeamId });
            e.HasIndex(x => new { x.Status, x.DueAt }); // the reminder job's scan over every tenant
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<SkillGroup>().WithMany().HasForeignKey(x => x.SkillGroupId).OnDelete(DeleteBehavior.SetNull);
        });
        // Recreated by migration 202612060415_dial_tasks (the tables of the first schema were never used). TeamId has no
        // foreign key (as for callbacks: a deleted team leaves its tasks to the admins).
        m.Entity<DialTask>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.CallerId).HasMaxLength(32);
            e.HasIndex(x => new { x.TenantId, x.Status });
            e.HasIndex(x => x.Status); // the window job's scan over every tenant
            e.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.DialTaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Agents).WithOne().HasForeignKey(x => x.DialTaskId).OnDelete(DeleteBehavior.Cascade);
        });
        m.Entity<DialTaskAgent>(e =>
        {
            e.HasKey(x => new { x.DialTaskId, x.UserId });
            e.HasIndex(x => x.UserId);
            e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        // ClaimedByUserId, CompletedByUserId and DispositionId have no foreign keys: the item keeps who worked it and the
        // result's name (Result) when the user or the code goes.
        m.Entity<DialTaskItem>(e =>
        {
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Result).HasMaxLength(100);
            e.Property(x => x.Remark).HasMaxLength(2000);
            e.HasIndex(x => new { x.DialTaskId, x.Status, x.Position });
            e.HasIndex(x => new { x.TenantId, x.Number, x.Status });
            // A number, and a contact, is claimed (being dialled) in one task at a time: the database refuses a second
            // claim however the claims interleave (docs/dialtasks.md, "Claimed once"). The filter reads the same on
            // the three providers.
            e.HasIndex(x => new { x.TenantId, x.Number }, "IX_DialTaskItems_ClaimedNumber").IsUnique().HasFilter("\"Status\" = 'Claimed'");
            e.HasIndex(x => new { x.TenantId, x.ContactId }, "IX_DialTaskItems_ClaimedContact").IsUnique()
                .HasFilter("\"Status\" = 'Claimed' AND \"ContactId\" IS NOT NULL");
            e.HasIndex(x => x.CallId);
            e.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.SetNull);
        });

        m.Entity<ApiKey>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.HasIndex(x => x.Prefix).IsUnique();
        });
        m.Entity<WallboardKey>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.KeyHash).HasMaxLength(64);
            e.Property(x => x.SkillGroupIds).HasMaxLength(4000);
            e.HasIndex(x => x.Prefix).IsUnique();
        });
        m.Entity<WebhookEndpoint>(e =>
        {
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.Secret).HasMaxLength(200);
            e.Property(x => x.EventTypes).HasMaxLength(2000);
        });
        m.Entity<WebhookDelivery>(e =>
        {
            e.Property(x => x.EventType).HasMaxLength(100);
            e.Property(x => x.LastError).HasMaxLength(2000);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        });

        m.Entity<Audit.AuditEntry>(e =>
        {
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.TargetType).HasMaxLength(64);
            e.Property(x => x.TargetId).HasMaxLength(200); // a composite key's parts joined by "/"
            e.Property(x => x.IpAddress).HasMaxLength(64);
            // Before/After: unbounded JSON text.
            e.HasIndex(x => new { x.TenantId, x.At });
            e.HasIndex(x => new { x.TenantId, x.TargetType, x.TargetId });
            e.HasIndex(x => x.At); // retention purge across tenants
        });

        // Every tenant-owned row: FK to its tenant, and the tenant filter.
        foreach (var type in m.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ITenantOwned).IsAssignableFrom(t)).ToList())
        {
            var param = Expression.Parameter(type, "e");
            var key = Expression.Property(param, type == typeof(Tenant) ? nameof(Tenant.Id) : nameof(ITenantOwned.TenantId));
            var ctx = Expression.Constant(this);
            var body = Expression.OrElse(
                Expression.Field(ctx, nameof(_systemScope)),
                Expression.Equal(key, Expression.Field(ctx, nameof(_tenantId))));
            m.Entity(type).HasQueryFilter(Expression.Lambda(body, param));
            if (type != typeof(Tenant))
                m.Entity(type).HasOne(typeof(Tenant)).WithMany().HasForeignKey(nameof(ITenantOwned.TenantId)).OnDelete(DeleteBehavior.Cascade);
        }

        // SQL Server only: it refuses multiple cascade paths; SQLite and PostgreSQL keep the actions above.
        if (Database.IsSqlServer()) SqlServer.SqlServerCascadePaths.Apply(m.Model);
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        AuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        AuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Adds the audit entries of this save's configuration changes (docs/database.md, audit log): in the same
    /// SaveChanges, so in the same transaction as the change.
    /// </summary>
    private void AuditChanges()
    {
        if (_auditActor is not null) Audit.AuditTrail.Record(this, _auditActor, _clock.GetUtcNow());
    }

    private void GuardTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (entry.State == EntityState.Added && entry.Entity.TenantId == Guid.Empty && _tenantId != Guid.Empty)
                entry.Entity.TenantId = _tenantId;
            if (entry.Entity.TenantId == Guid.Empty)
                throw new InvalidOperationException($"{entry.Metadata.ClrType.Name} has no tenant.");
            if (!_systemScope && entry.Entity.TenantId != _tenantId)
                throw new InvalidOperationException(
                    $"Refusing to write {entry.Metadata.ClrType.Name} of another tenant than the one this context is scoped to.");
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static ValueConverter<T, string> JsonConverter<T>() where T : class? =>
        new(v => JsonSerializer.Serialize(v, Json), v => JsonSerializer.Deserialize<T>(v, Json)!);

    private static ValueComparer<List<string>> ListComparer() =>
        new((a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
            v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
            v => v.ToList());

    private static ValueComparer<T?> JsonComparer<T>() where T : class =>
        new((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
            v => v == null ? 0 : JsonSerializer.Serialize(v, Json).GetHashCode(),
            v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json));
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as a UTC <see cref="DateTime"/> (comparable on every provider).</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTime>(
    v => v.UtcDateTime,
    v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

/// <summary>The tenant of the current request or job, if any (the Api supplies it from the token).</summary>
public interface ICurrentTenant
{
    /// <summary>The tenant id, or null when nobody is signed in.</summary>
    Guid? TenantId { get; }
}

/// <summary>No current tenant (background work, tests): contexts start unscoped and see nothing.</summary>
public sealed class NoCurrentTenant : ICurrentTenant
{
    /// <inheritdoc />
    public Guid? TenantId => null;
}

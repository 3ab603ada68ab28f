using CtiBridge.Application.CallerIds;
using CtiBridge.Application.SelfService;
using CtiBridge.Application.Dispositions;
using CtiBridge.Api.Audit;
using CtiBridge.Api.CallCenter;
using CtiBridge.Api.Cluster;
using CtiBridge.Api.Scaleout;
using CtiBridge.Data.Scheduling;
using CtiBridge.Api.Infrastructure;
using CtiBridge.Api.Observability;
using CtiBridge.Api.Setup;
using CtiBridge.Api.Supervision;
using CtiBridge.Api.Records;
using CtiBridge.Api.Contacts;
using CtiBridge.Api.Callbacks;
using CtiBridge.Api.DialTasks;

var builder = WebApplication.CreateBuilder(args);
builder.AddCtiDataDirectory(args); // data/ (SQLite, keys) in the working directory, or Data:Directory / --data <dir>

// Foundation: logging, ProblemDetails, Swagger, health, database, auth, admin.
builder.AddCtiHost();
builder.AddCtiObservability(); // OpenTelemetry metrics/traces/logs: Prometheus endpoint and OTLP when configured
// Capabilities register their services here, one line each, e.g.
// builder.Services.AddCtiCallCenter(builder.Configuration);
builder.Services.AddCtiScaleout(builder.Configuration); // Redis (Redis:ConnectionString): event streams kept in Redis, SignalR backplane
builder.Services.AddCtiCluster(builder.Configuration); // several nodes (Cluster:NodeId): tenant leases; first so it stops last
builder.Services.AddCtiCallCenter(builder.Configuration);
builder.Services.AddCtiSupervision();
builder.Services.AddCtiScheduling(builder.Configuration); // Quartz on the product's database + housekeeping jobs
builder.Services.AddCtiAudit();
builder.Services.AddCtiRecords(); // call records, recordings, retention
builder.Services.AddCtiContacts(); // address book, CSV, screen pop
builder.Services.AddCtiCallbacks(); // callbacks: reminders (Quartz), escalation, one-click dial
builder.Services.AddCtiDialTasks(); // dial tasks: preview dialling of call lists, windows and retries (Quartz)
builder.Services.AddCtiDispositions(); // disposition codes, agents' own notes on calls
builder.Services.AddCtiCallerIds(); // outbound caller IDs per tenant and team
builder.Services.AddCtiSelfService(); // self-service flows the tenant manages

var app = builder.Build();
// `… -- setup --tenant <domain> --admin <login>`: create the first tenant and its admin, then exit (docs/asterisk.md).
if (FirstRunSetup.IsRequested(args)) return await FirstRunSetup.RunAsync(app, args, Console.In, Console.Out);

app.UseCtiHost();
app.MapCtiFoundationEndpoints();
app.UseCtiClusterForwarding(); // several nodes: a tenant's requests go to the node holding its lease
app.UseCtiObservability(); // tenant in log scope, Prometheus endpoint when enabled
// Capabilities map their endpoints and hubs here, one line each, e.g.
// app.MapCallCenterEndpoints();
app.MapCallCenterEndpoints();
app.MapCtiWallboard();

app.MapCtiToolbarFallback(); // keep last: toolbar index.html for client-side routes
if (!await app.InitializeCtiAsync()) return 1; // the database cannot be used: logged, exit without serving
app.Run();
return Environment.ExitCode; // 0, or 3 when several nodes run and this one lost a tenant's lease (docs/deployment.md)

/// <summary>The entry point; public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;

using CtiBridge.Application.Provisioning;
using CtiBridge.Asterisk.Ami;
using CtiBridge.Asterisk.Connection;
using Microsoft.Extensions.Options;

namespace CtiBridge.Api.Provisioning;

/// <summary>
/// Runs <see cref="ProvisionedEndpointsCheck"/> once per start, when CtiBridge provisions endpoints: as soon as the AMI
/// session is up (so the one reload it needs reaches Asterisk), or at once without AMI (Asterisk then reads the file at
/// its next reload). A failure is logged; admin saves still provision as usual.
/// </summary>
internal sealed class ProvisionedEndpointsOnStart(IServiceProvider services, IEndpointProvisioner provisioner, ILogger<ProvisionedEndpointsOnStart> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!provisioner.IsActive) return;
        try
        {
            if (services.GetService<IOptions<AmiOptions>>()?.Value is { Username.Length: > 0 } && services.GetService<AmiClient>() is { } ami)
                await ConnectedAsync(ami, stoppingToken);
            await using var scope = services.CreateAsyncScope();
            var added = await scope.ServiceProvider.GetRequiredService<ProvisionedEndpointsCheck>().RunAsync(stoppingToken);
            log.LogInformation("Provisioned endpoints checked at start: {Count} added", added.Count);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            log.LogError(e, "Checking the provisioned endpoints at start failed; saving a phone or agent provisions it");
        }
    }

    private static async Task ConnectedAsync(AmiClient ami, CancellationToken ct)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(object? sender, ConnectionStateChangedEventArgs e) { if (e.State == ConnectionState.Connected) up.TrySetResult(); }
        ami.StateChanged += OnChange;
        try
        {
            if (ami.Status.State == ConnectionState.Connected) return;
            await up.Task.WaitAsync(ct);
        }
        finally { ami.StateChanged -= OnChange; }
    }
}

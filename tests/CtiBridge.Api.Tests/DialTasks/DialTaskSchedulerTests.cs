using System.Net;
using System.Net.Http.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Contacts;
using CtiBridge.Application.DialTasks;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using CtiBridge.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Api.Tests.DialTasks;

/// <summary>
/// The dial task job on the real scheduler (Quartz on the product's database, real clock): an answered contact whose
/// agent logged out without setting a result is closed without one by the job's next firing, with nobody running it by hand.
/// </summary>
public sealed class DialTaskSchedulerTests
{
    [Fact]
    public async Task The_scheduled_job_closes_an_answered_contact_without_a_result_once_its_agent_logged_out()
    {
        using var host = new CtiApiFactory();
        var super = await host.ClientForAsync("demo", "super");
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var contact = (await (await super.PostAsJsonAsync("/api/v1/contacts", new { name = "Quartz Customer", numbers = new[] { new { number = "+4940333001" } } }))
            .ReadAsync<ContactResponse>()).Id;
        var today = DateTime.UtcNow; // the demo tenant's zone is UTC
        var task = await (await super.PostAsJsonAsync("/api/v1/dial-tasks", new
        {
            name = "Quartz", contactIds = new[] { contact }, agentIds = new[] { await host.UserIdAsync("agent1") },
            firstDay = today.AddDays(-1).ToString("yyyy-MM-dd"), lastDay = today.AddDays(1).ToString("yyyy-MM-dd"), dailyStart = "00:00", dailyEnd = "23:59",
        })).ReadAsync<DialTaskView>();

        await agent1.PostAsJsonAsync("/api/v1/agent/login", new { ready = false, reason = "Break" }).OkAsync(HttpStatusCode.OK);
        var item = (await (await agent1.PostAsync($"/api/v1/dial-tasks/{task.Id}/next")).ReadAsync<DialTaskNextResponse>()).Contact!;
        var call = await (await agent1.PostAsync($"/api/v1/dial-tasks/{task.Id}/contacts/{item.Id}/dial")).ReadAsync<DialTaskDialResponse>();
        var pbx = host.Services.GetRequiredService<SimulatedPbx>();
        SimLeg? customer = null;
        for (var i = 0; i < 100 && customer is null; i++, await Task.Delay(20))
            customer = pbx.Legs.LastOrDefault(l => l.Endpoint.Contains("4940333001", StringComparison.Ordinal) && !l.Answered);
        pbx.Answer(customer!.Id);
        await agent1.WaitForCallAsync(c => c.CallId == call.CallId && c.State == CallState.Connected);
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
        await agent1.PostAsync("/api/v1/agent/logout").OkAsync(HttpStatusCode.OK);

        // The job fires every 10 seconds: within two firings the contact is done, without a result.
        DialTaskItem? row = null;
        for (var i = 0; i < 250 && row?.Status != DialTaskItemStatus.Done; i++)
        {
            await Task.Delay(100);
            row = await host.DbAsync(db => db.DialTaskItems.AsNoTracking().SingleAsync(x => x.Id == item.Id));
        }
        Assert.Equal((DialTaskItemStatus.Done, (string?)null, DialAttemptOutcome.Answered, 1), (row!.Status, row.Result, row.LastOutcome!.Value, row.Attempts));
        Assert.Equal(1, (await (await super.GetAsync($"/api/v1/dial-tasks/{task.Id}/progress")).ReadAsync<DialTaskProgress>()).NoResult);
    }
}

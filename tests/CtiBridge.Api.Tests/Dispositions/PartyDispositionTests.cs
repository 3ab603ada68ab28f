using System.Net.Http.Json;
using CtiBridge.Api.Tests.CallCenter;
using CtiBridge.Application.Dispositions;
using CtiBridge.Application.Events;
using CtiBridge.Application.Records;
using CtiBridge.Data.Entities;
using CtiBridge.Domain.Calls;
using Microsoft.EntityFrameworkCore;

namespace CtiBridge.Api.Tests.Dispositions;

/// <summary>Each agent on a call keeps her own disposition and remarks (sandbox demo tenant).</summary>
public class PartyDispositionTests
{
    [Fact]
    public async Task A_consulted_colleague_saving_her_disposition_does_not_overwrite_the_answering_agents()
    {
        using var host = new CtiApiFactory();
        var (saleId, callbackId) = await host.DbAsync(async db =>
        {
            var tenant = await db.Tenants.SingleAsync(t => t.Domain == "demo");
            var sale = new Disposition { TenantId = tenant.Id, Code = "SALE", Name = "Sale" };
            var callback = new Disposition { TenantId = tenant.Id, Code = "CALLBACK", Name = "Call back" };
            db.Dispositions.AddRange(sale, callback);
            await db.SaveChangesAsync();
            return (sale.Id, callback.Id);
        });
        var agent1 = await host.ClientForAsync("demo", "agent1");
        var agent2 = await host.ClientForAsync("demo", "agent2");
        var me = await agent1.LoginReadyAsync();
        await agent1.PlaceCallAsync("Sales", from: "+4930555201");
        var call = await agent1.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.State == CallState.Connected);
        await agent1.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { disposition = "SALE", remarks = "Ordered 3 items." }).OkAsync();
        var colleague = await agent2.LoginReadyAsync();   // after the answer, so the call is agent 1's

        // Agent 1 consults agent 2, who answers and notes her own outcome; then the three talk and both agents hang up.
        await agent1.PostAsJsonAsync($"/api/v1/calls/{call.CallId}/consult", new { agentId = colleague.AgentId }).OkAsync();
        var consulting = await agent2.WaitForCallAsync(c => c.CallId == call.CallId);
        if (consulting.Parties.Any(p => p.AgentId == colleague.AgentId && p.State == PartyState.Ringing))
            await agent2.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await agent1.WaitForCallAsync(c => c.Parties.Any(p => p.AgentId == colleague.AgentId && p.State is PartyState.Connected or PartyState.Consulting));
        await agent2.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { disposition = "CALLBACK", remarks = "Wants a call on Monday." }).OkAsync();
        // Agent 1 adds to her remarks only: her disposition stays hers.
        await agent1.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { remarks = "Ordered 3 items, paid by card." }).OkAsync();
        // The live call shows each agent's own notes.
        var live = await agent1.WaitForCallAsync(c => c.CallId == call.CallId);
        Assert.Equal(saleId, live.Notes!.Single(n => n.AgentId == me.AgentId).DispositionId);
        Assert.Equal(callbackId, live.Notes!.Single(n => n.AgentId == colleague.AgentId).DispositionId);
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/consult/conference").OkAsync();
        await agent1.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
        await agent2.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();

        await host.FlushJournalAsync();
        var record = await host.DbAsync(db => db.CallRecords.SingleAsync(c => c.Id == call.CallId));
        // The record's own disposition is the answering agent's.
        Assert.Equal(me.AgentId, record.AnsweredByUserId);
        Assert.Equal(saleId, record.DispositionId);
        Assert.Equal("Ordered 3 items, paid by card.", record.Remarks);

        // In wrap-up, agent 2 changes hers on the stored record; agent 1's stays.
        await agent2.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { disposition = "call back", remarks = "Monday 10:00." }).OkAsync();
        var admin = await host.ClientForAsync("demo", "admin");
        var detail = await (await admin.GetAsync($"/api/v1/call-records/{call.CallId}")).ReadAsync<CallRecordDetail>();
        Assert.Equal(saleId, detail.Summary.DispositionId);
        Assert.Equal("Sale", detail.Summary.DispositionName);
        var mine = detail.Notes.Single(n => n.AgentId == me.AgentId);
        Assert.Equal(("Sale", "Ordered 3 items, paid by card."), (mine.Disposition, mine.Remarks));
        var hers = detail.Notes.Single(n => n.AgentId == colleague.AgentId);
        Assert.Equal((callbackId, "Call back", "Monday 10:00."), (hers.DispositionId, hers.Disposition, hers.Remarks));
        // The disposition filter finds the call by either agent's code.
        Assert.Contains((await (await admin.GetAsync($"/api/v1/call-records?dispositionId={callbackId}")).ReadAsync<CallRecordPage>()).Items, r => r.Id == call.CallId);
    }

    [Fact]
    public async Task The_wrap_up_refuses_another_tenants_code_an_inactive_code_unknown_text_and_a_missing_required_remark()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var other = await host.CreateTenantAsync("dispo-other");
        var foreign = await (await other.PostAsJsonAsync("/api/v1/admin/dispositions", new { code = "SALE", name = "Sale" })).ReadAsync<DispositionCodeView>();
        var sale = await (await admin.PostAsJsonAsync("/api/v1/admin/dispositions", new { code = "SALE", name = "Sale", category = "Sales" })).ReadAsync<DispositionCodeView>();
        var complaint = await (await admin.PostAsJsonAsync("/api/v1/admin/dispositions", new { code = "COMPLAINT", name = "Complaint", category = "Service", remarksRequired = true })).ReadAsync<DispositionCodeView>();
        var old = await (await admin.PostAsJsonAsync("/api/v1/admin/dispositions", new { code = "OLD", name = "Old outcome", active = false })).ReadAsync<DispositionCodeView>();

        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        // The wrap-up form offers the active codes only.
        var offered = await (await agent.GetAsync("/api/v1/agent/dispositions")).ReadAsync<List<DispositionCodeView>>();
        Assert.Equal(["Complaint", "Sale"], offered.Select(d => d.Name).Order());
        Assert.True(offered.Single(d => d.Code == "COMPLAINT").RemarksRequired);

        await agent.PlaceCallAsync("Sales", from: "+4930555202");
        var call = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await agent.WaitForCallAsync(c => c.State == CallState.Connected);
        var url = $"/api/v1/calls/{call.CallId}/disposition";

        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = foreign.Id }), 400, DispositionErrors.Unknown);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = Guid.NewGuid() }), 400, DispositionErrors.Unknown);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { disposition = "Bought a boat" }), 400, DispositionErrors.Unknown);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = old.Id }), 409, DispositionErrors.Inactive);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { disposition = "old" }), 409, DispositionErrors.Inactive);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = complaint.Id }), 400, DispositionErrors.RemarksRequired);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = complaint.Id, remarks = "   " }), 400, DispositionErrors.RemarksRequired);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = "not-a-guid" }), 400, "validation_failed");
        Assert.Null((await agent.WaitForCallAsync(c => c.CallId == call.CallId)).Notes?.SingleOrDefault());   // nothing was kept

        await agent.PutAsJsonAsync(url, new { dispositionId = complaint.Id, remarks = "Parcel arrived broken." }).OkAsync();
        // Clearing the remarks of a code that requires them is refused too; changing the code to one that does not is fine.
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { remarks = "" }), 400, DispositionErrors.RemarksRequired);
        await agent.PutAsJsonAsync(url, new { disposition = "sale" }).OkAsync();
        var note = (await agent.WaitForCallAsync(c => c.CallId == call.CallId)).Notes!.Single();
        Assert.Equal((sale.Id, "Sale", "Parcel arrived broken."), (note.DispositionId, note.Disposition, note.Remarks));

        // After the call (wrap-up) the same rules hold on the stored record.
        await agent.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = foreign.Id }), 400, DispositionErrors.Unknown);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = old.Id }), 409, DispositionErrors.Inactive);
        await Problem.AssertAsync(await agent.PutAsJsonAsync(url, new { dispositionId = complaint.Id, remarks = "" }), 400, DispositionErrors.RemarksRequired);
        await agent.PutAsJsonAsync(url, new { dispositionId = complaint.Id }).OkAsync();   // the kept remarks satisfy it
        var record = await host.DbAsync(db => db.CallRecords.SingleAsync(c => c.Id == call.CallId));
        Assert.Equal((complaint.Id, "Parcel arrived broken."), (record.DispositionId, record.Remarks));
    }

    [Fact]
    public async Task Admins_manage_the_codes_of_their_own_tenant_and_a_code_in_use_is_deactivated_not_deleted()
    {
        using var host = new CtiApiFactory();
        var admin = await host.ClientForAsync("demo", "admin");
        var other = await host.CreateTenantAsync("dispo-admin-other");
        const string Url = "/api/v1/admin/dispositions";

        var created = await admin.PostAsJsonAsync(Url, new { code = "NOINT", name = "Not interested", category = "Sales" });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var code = await created.ReadAsync<DispositionCodeView>();
        Assert.Equal(("NOINT", "Not interested", "Sales", true, false), (code.Code, code.Name, code.Category, code.Active, code.RemarksRequired));
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { code = "noint", name = "Twice" }), 409, DispositionErrors.CodeTaken);
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { code = "has space", name = "x" }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { code = "X", name = "" }), 400, "validation_failed");
        await Problem.AssertAsync(await admin.PostAsJsonAsync(Url, new { code = "X", name = "x", category = new string('c', 51) }), 400, "validation_failed");
        // The other tenant's admin neither sees nor changes it; its own "NOINT" is no conflict.
        Assert.DoesNotContain(await (await other.GetAsync(Url)).ReadAsync<List<DispositionCodeView>>(), d => d.Id == code.Id);
        await Problem.AssertAsync(await other.PutAsJsonAsync($"{Url}/{code.Id}", new { code = "NOINT", name = "Mine" }), 404, "not_found");
        await Problem.AssertAsync(await other.DeleteAsync($"{Url}/{code.Id}"), 404, "not_found");
        await other.PostAsJsonAsync(Url, new { code = "NOINT", name = "Not interested" }).OkAsync(System.Net.HttpStatusCode.Created);
        // Agents and supervisors do not administer codes.
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "agent1")).PostAsJsonAsync(Url, new { code = "A", name = "a" }), 403, "forbidden");
        await Problem.AssertAsync(await (await host.ClientForAsync("demo", "super")).GetAsync(Url), 403, "forbidden");

        var edited = await (await admin.PutAsJsonAsync($"{Url}/{code.Id}", new { code = "NOINT", name = "No interest", remarksRequired = true })).ReadAsync<DispositionCodeView>();
        Assert.Equal(("No interest", null, true), (edited.Name, edited.Category, edited.RemarksRequired));

        // Used by a call: deleting is refused, deactivating is the way.
        var agent = await host.ClientForAsync("demo", "agent1");
        await agent.LoginReadyAsync();
        await agent.PlaceCallAsync("Sales", from: "+4930555203");
        var call = await agent.WaitForCallAsync(c => c.State == CallState.Ringing);
        await agent.PostAsync($"/api/v1/calls/{call.CallId}/answer").OkAsync();
        await agent.PutAsJsonAsync($"/api/v1/calls/{call.CallId}/disposition", new { dispositionId = code.Id, remarks = "Has one." }).OkAsync();
        await agent.PostAsync($"/api/v1/calls/{call.CallId}/hangup").OkAsync();
        await host.FlushJournalAsync();
        await Problem.AssertAsync(await admin.DeleteAsync($"{Url}/{code.Id}"), 409, DispositionErrors.InUse);
        await admin.PutAsJsonAsync($"{Url}/{code.Id}", new { code = "NOINT", name = "No interest", active = false }).OkAsync(System.Net.HttpStatusCode.OK);
        Assert.DoesNotContain(await (await agent.GetAsync("/api/v1/agent/dispositions")).ReadAsync<List<DispositionCodeView>>(), d => d.Id == code.Id);
        // The record keeps the inactive code.
        Assert.Equal(code.Id, await host.DbAsync(db => db.CallRecords.Where(c => c.Id == call.CallId).Select(c => c.DispositionId).SingleAsync()));

        var unused = await (await admin.PostAsJsonAsync(Url, new { code = "SPARE", name = "Spare" })).ReadAsync<DispositionCodeView>();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Url}/{unused.Id}")).StatusCode);
        Assert.DoesNotContain(await (await admin.GetAsync(Url)).ReadAsync<List<DispositionCodeView>>(), d => d.Id == unused.Id);
    }
}

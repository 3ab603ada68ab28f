using CsvHelper;

namespace CtiBridge.Application.Records;

/// <summary>
/// Writes a search's records as CSV (RFC 4180, UTF-8) while they are read: one row at a time from the database to the
/// stream, so an export never holds its rows in memory. Text a spreadsheet would run as a formula (starting with = @ + -)
/// is prefixed with <c>'</c> (CSV injection), so a number like +4930… reads <c>'+4930…</c>.
/// </summary>
public sealed class CallRecordCsv(CallRecordSearch search)
{
    /// <summary>The columns, in order.</summary>
    public static readonly string[] Header =
    [
        "id", "offered_at", "answered_at", "ended_at", "direction", "kind", "skill_group", "customer_number", "customer_name",
        "dialed_number", "outcome", "end_reason", "wait_s", "ring_s", "talk_s", "hold_s", "hold_count", "offers", "rona",
        "answered_by", "disposition", "has_recording",
    ];

    /// <summary>Writes the header and every matching record; returns the number of records written.</summary>
    public async Task<long> WriteAsync(Stream destination, RecordViewer viewer, CallRecordFilter filter, CallRecordSort sort, CancellationToken ct = default)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(destination, options, true);
        csv.WriteHeader(Header);
        long rows = 0;
        await foreach (var r in search.StreamAsync(viewer, filter, sort, ct).ConfigureAwait(false))
        {
            csv.WriteField(r.Id, default);
            csv.WriteField(r.OfferedAt, default);
            csv.WriteField(r.AnsweredAt, default);
            csv.WriteField(r.EndedAt, default);
            csv.WriteField(r.Direction.ToString());
            csv.WriteField(r.Kind?.ToString());
            csv.WriteField(r.SkillGroupName);
            csv.WriteField(r.CustomerNumber);
            csv.WriteField(r.CustomerName);
            csv.WriteField(r.DialedNumber);
            csv.WriteField(r.Outcome.ToString());
            csv.WriteField(r.EndReason?.ToString());
            csv.WriteField(r.WaitSeconds, default);
            csv.WriteField(r.RingSeconds, default);
            csv.WriteField(r.TalkSeconds, default);
            csv.WriteField(r.HoldSeconds, default);
            csv.WriteField(r.HoldCount, default);
            csv.WriteField(r.OfferCount, default);
            csv.WriteField(r.RonaCount, default);
            csv.WriteField(r.AnsweredByName);
            csv.WriteField(r.DispositionName);
            csv.WriteField(r.HasRecording);
            await csv.EndRecordAsync(ct).ConfigureAwait(false);
            rows++;
        }
        await csv.FlushAsync(ct).ConfigureAwait(false);
        return rows;
    }
}

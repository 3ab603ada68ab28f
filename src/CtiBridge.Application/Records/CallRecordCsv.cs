using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

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
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, NewLine = "\r\n" };
        await using var text = new StreamWriter(destination, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(text, config);
        foreach (var column in Header) csv.WriteField(column);
        await csv.NextRecordAsync().ConfigureAwait(false);
        long rows = 0;
        await foreach (var r in search.StreamAsync(viewer, filter, sort, ct).ConfigureAwait(false))
        {
            csv.WriteField(r.Id);
            csv.WriteField(Iso(r.OfferedAt));
            csv.WriteField(Iso(r.AnsweredAt));
            csv.WriteField(Iso(r.EndedAt));
            csv.WriteField(r.Direction.ToString());
            csv.WriteField(r.Kind?.ToString());
            csv.WriteField(r.SkillGroupName);
            csv.WriteField(r.CustomerNumber);
            csv.WriteField(r.CustomerName);
            csv.WriteField(r.DialedNumber);
            csv.WriteField(r.Outcome.ToString());
            csv.WriteField(r.EndReason?.ToString());
            csv.WriteField(r.WaitSeconds);
            csv.WriteField(r.RingSeconds);
            csv.WriteField(r.TalkSeconds);
            csv.WriteField(r.HoldSeconds);
            csv.WriteField(r.HoldCount);
            csv.WriteField(r.OfferCount);
            csv.WriteField(r.RonaCount);
            csv.WriteField(r.AnsweredByName);
            csv.WriteField(r.DispositionName);
            csv.WriteField(r.HasRecording);
            await csv.NextRecordAsync().ConfigureAwait(false);
            rows++;
        }
        await csv.FlushAsync().ConfigureAwait(false);
        return rows;
    }

    /// <summary>Times as ISO 8601 in UTC (what spreadsheets and scripts read without a locale).</summary>
    private static string? Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

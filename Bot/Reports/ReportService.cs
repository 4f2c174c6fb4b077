using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Reports;

/// <summary>The year-end report of a council's plan, for the CLI and the chat.</summary>
public sealed class ReportService(CouncilSnapshotStore snapshots, PlanStore plans, ReplyStore replies, TimeProvider time)
{
    /// <returns>null when the council has no plan for that year.</returns>
    public async Task<YearReport?> BuildAsync(Council council, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(council);
        if (await plans.FindAsync(council.Id, year, ct) is not { } plan) return null;
        var snapshot = await snapshots.LoadAsync(council, ct);
        // The snapshot holds the latest plan; the report may be about an earlier one.
        if (snapshot.Plan?.Id != plan.Id) snapshot = snapshot with { Plan = plan, Replies = await replies.ForPlanAsync(plan.Id, ct) };
        return YearReportBuilder.Build(snapshot, time.GetUtcNow(), ChatTexts.SecretaryFallbackName);
    }

    /// <summary>«desnogorsk-2020-report.docx»: the same name from the CLI's default and the chat.</summary>
    public static string FileName(string slug, int year, string extension) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{slug}-{year}-report.{extension}");

    /// <summary>The Word file's bytes.</summary>
    public static byte[] Docx(YearReport report)
    {
        using var buffer = new MemoryStream();
        DocxReportWriter.Write(report, buffer);
        return buffer.ToArray();
    }
}

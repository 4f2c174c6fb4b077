using Microsoft.Extensions.Logging;
using NokoBot.Reports;
using NokoBot.Texts;

namespace NokoBot.Telegram;

/// <summary><c>/report [год]</c>: the year-end report as a Word file, for the secretary and the chair.</summary>
public sealed class ReportHandler(ReportService reports, TelegramGateway gateway, ILogger<ReportHandler> logger)
{
    public async Task SendAsync(MemberView view, int? year, long chatId, UpdateEffects effects, CancellationToken ct)
    {
        var council = view.Snapshot.Council;
        var target = year ?? view.Snapshot.Plan?.Year ?? view.Today.Year;
        if (await reports.BuildAsync(council, target, ct) is not { } report)
        {
            TelegramLog.Refused(logger, "report", view.Member.MemberId, "no plan for the year");
            var refusal = TelegramHtml.Render(ReportTexts.NoPlanForYear(target));
            effects.Answer(token => gateway.ReplyAsync(chatId, refusal, null, token));
            return;
        }
        // The report only reads: made now, sent after the update's (empty) transaction like any answer.
        var bytes = ReportService.Docx(report);
        var caption = TelegramHtml.Render(ReportTexts.Caption(report.Year, report.Council));
        effects.Answer(async token =>
        {
            await gateway.SendDocumentAsync(chatId, () => new MemoryStream(bytes, writable: false), ReportService.FileName(council.Slug, report.Year, "docx"), caption, token);
            TelegramLog.ReportSent(logger, view.Member.MemberId, report.Year, bytes.LongLength);
        });
    }
}

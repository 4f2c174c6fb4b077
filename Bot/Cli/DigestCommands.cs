using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Email;
using NokoBot.Meetings;
using NokoBot.Scheduling;
using NokoBot.Storage;

namespace NokoBot.Cli;

/// <summary><c>nokobot digest preview|send</c>: look at the weekly digest before enabling it, or send it now.</summary>
internal static class DigestCommands
{
    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var date = new Option<string?>("--date") { Description = "The council-local day to render for, yyyy-MM-dd (default: today)" };
        date.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !TryDate(r.Tokens[^1].Value, out _))
                r.AddError($"--date must be a date like 2020-06-01, got '{r.Tokens[^1].Value}'.");
        });
        var output = new Option<string?>("--out") { Description = "Write the message as an .eml file instead of printing its text" };

        var preview = new Command("preview", "Render the digest without sending it") { council, date, output };
        preview.SetAction(async (parse, ct) =>
        {
            var context = contexts.Create(parse);
            var (found, mailer) = await OpenAsync(context, parse.GetValue(council)!, SmtpFrom(context), ct);
            if (found is null) return await context.RefuseAsync(CouncilMissing(parse.GetValue(council)!));
            var today = Day(parse.GetValue(date)) ?? mailer.Today(found);
            var digest = await mailer.BuildAsync(found, today, ct);
            if (digest is null)
            {
                await context.Out.WriteLineAsync($"На {Texts.DeadlineTexts.Date(today)} сообщать нечего: сводка не была бы отправлена.");
                return NokoBotCli.Ok;
            }
            var content = mailer.Render(digest, found);
            if (parse.GetValue(output) is { } file)
            {
                var composer = new EmailComposer(Options.Create(SmtpFrom(context)), context.Time);
                var message = composer.Compose($"digest-preview:{found.Id}@{today:yyyy-MM-dd}", composer.From, content);
                await message.WriteToAsync(file, ct);
                await context.Out.WriteLineAsync($"Сводка записана в {file}.");
                return NokoBotCli.Ok;
            }
            await context.Out.WriteLineAsync($"Тема: {content.Subject}");
            await context.Out.WriteLineAsync();
            await context.Out.WriteAsync(content.Text);
            return NokoBotCli.Ok;
        });

        var sendCouncil = CliOptions.Council();
        var sendDate = new Option<string?>("--date") { Description = "The council-local day, yyyy-MM-dd (default: today)" };
        sendDate.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !TryDate(r.Tokens[^1].Value, out _))
                r.AddError($"--date must be a date like 2020-06-01, got '{r.Tokens[^1].Value}'.");
        });
        var send = new Command("send", "Send the digest now to the council's digest list (see 'council set --digest-recipients')") { sendCouncil, sendDate };
        send.SetAction(async (parse, ct) =>
        {
            var context = contexts.Create(parse);
            var smtp = context.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
            smtp.Enabled = true;
            var validation = new SmtpOptionsValidator().Validate(null, smtp);
            if (validation.Failed)
                return await context.RefuseAsync("Почта не настроена:\n" + string.Join("\n", validation.Failures ?? []));
            var (found, mailer) = await OpenAsync(context, parse.GetValue(sendCouncil)!, smtp, ct);
            if (found is null) return await context.RefuseAsync(CouncilMissing(parse.GetValue(sendCouncil)!));
            var today = Day(parse.GetValue(sendDate)) ?? mailer.Today(found);
            var report = await mailer.SendAsync(found, today, ct);
            if (report.Recipients == 0)
                return await context.RefuseAsync($"У совета «{found.Name}» нет списка рассылки сводки. Задайте его: nokobot council set --council {found.Slug} --digest-recipients a@example.org,b@example.org");
            if (report.Digest is null)
            {
                await context.Out.WriteLineAsync($"На {Texts.DeadlineTexts.Date(today)} сообщать нечего: сводка не отправлена.");
                return NokoBotCli.Ok;
            }
            var d = report.Dispatch;
            await context.Out.WriteLineAsync(
                $"Сводка на {Texts.DeadlineTexts.Date(today)}: адресатов {report.Recipients}, поставлено в очередь {report.Enqueued}; отправлено {d.Sent}, отложено {d.Deferred}, отказано {d.Failed}.");
            return d.Deferred + d.Failed == 0 ? NokoBotCli.Ok : NokoBotCli.Refused;
        });

        return new Command("digest", "The weekly committee digest (email)") { preview, send };
    }

    private static async Task<(Council? Council, DigestMailer Mailer)> OpenAsync(CliContext context, string slug, SmtpOptions smtp, CancellationToken ct)
    {
        var database = await context.OpenDatabaseAsync(ct);
        var found = await new CouncilStore(database, context.Time).FindAsync(slug, ct);
        var options = Options.Create(smtp);
        var outbox = new EmailOutbox(
            new DeliveryLedger(database, context.Time), new EmailOutboxStore(database, context.Time),
            new EmailSender(options, NullLogger<EmailSender>.Instance), context.Time, NullLogger<EmailOutbox>.Instance);
        var calendar = CalendarFile.Load(context.Configuration["Calendar:Path"]);
        var mailer = new DigestMailer(database, new EmailComposer(options, context.Time), outbox, calendar, context.Time,
            new AgendaService(new ReminderPlanner(calendar)));
        return (found, mailer);
    }

    /// <summary>A preview needs only a From address; configuration's when set.</summary>
    private static SmtpOptions SmtpFrom(CliContext context)
    {
        var smtp = context.Configuration.GetSection(SmtpOptions.Section).Get<SmtpOptions>() ?? new SmtpOptions();
        if (string.IsNullOrWhiteSpace(smtp.From)) smtp.From = "nokobot@localhost";
        return smtp;
    }

    private static string CouncilMissing(string slug) => $"Совета «{slug}» нет. Список: nokobot council list";

    private static DateOnly? Day(string? text) => text is not null && TryDate(text, out var d) ? d : null;

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

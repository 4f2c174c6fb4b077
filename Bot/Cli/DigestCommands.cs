using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Reminders;
using NokoBot.Email;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Cli;

/// <summary><c>nokobot digest preview|send</c>: look at the weekly digest before enabling it, or send it now.</summary>
internal static class DigestCommands
{
    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var date = DateOption("The council-local day to render for, yyyy-MM-dd (default: today)");
        var output = new Option<string?>("--out") { Description = "Write the message as an .eml file instead of printing its text" };

        var preview = new Command("preview", "Render the digest without sending it") { council, date, output };
        preview.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            if (await LoadAsync(context, parse.GetValue(council)!, ct) is not { } snapshot) return await context.RefuseAsync(CliTexts.NoSuchCouncil(parse.GetValue(council)!));
            var today = Day(parse.GetValue(date)) ?? snapshot.Today(context.Time.GetUtcNow());
            if (snapshot.Digest(today) is not { } digest)
            {
                await context.Out.WriteLineAsync(DigestCliTexts.NothingToPreview(today));
                return NokoBotCli.Ok;
            }
            var composer = context.Get<EmailComposer>();
            var content = DigestEmail.Render(digest, snapshot.Council.TimeZone, composer.From.Address);
            if (parse.GetValue(output) is { } file)
            {
                var message = composer.Compose($"digest-preview:{snapshot.Council.Id}@{today:yyyy-MM-dd}", composer.From, content);
                await message.WriteToAsync(file, ct);
                await context.Out.WriteLineAsync(DigestCliTexts.Written(file));
                return NokoBotCli.Ok;
            }
            await context.Out.WriteLineAsync(DigestCliTexts.Subject(content.Subject));
            await context.Out.WriteLineAsync();
            await context.Out.WriteAsync(content.Text);
            return NokoBotCli.Ok;
        });

        var sendCouncil = CliOptions.Council();
        var sendDate = DateOption("The council-local day, yyyy-MM-dd (default: today)");
        var send = new Command("send", "Send the digest now to the council's digest list (see 'council set --digest-recipients')") { sendCouncil, sendDate };
        send.SetAction(async (parse, ct) =>
        {
            // Email is sent whatever Smtp:Enabled says; Telegram is not needed.
            using var context = contexts.Create(parse, new Dictionary<string, string?> { ["Smtp:Enabled"] = "true", ["Telegram:Enabled"] = "false" });
            var validation = new SmtpOptionsValidator().Validate(null, context.Get<IOptions<SmtpOptions>>().Value);
            if (validation.Failed)
                return await context.RefuseAsync(DigestCliTexts.MailNotConfigured(validation.Failures ?? []));
            if (await LoadAsync(context, parse.GetValue(sendCouncil)!, ct) is not { } snapshot) return await context.RefuseAsync(CliTexts.NoSuchCouncil(parse.GetValue(sendCouncil)!));
            var found = snapshot.Council;
            var now = context.Time.GetUtcNow();
            var today = Day(parse.GetValue(sendDate)) ?? snapshot.Today(now);
            var recipients = await context.Get<CouncilMailSettings>().DigestRecipientsAsync(found.Id, ct);
            if (recipients.Count == 0)
                return await context.RefuseAsync(DigestCliTexts.NoRecipients(found.Name, found.Slug));
            if (snapshot.Digest(today) is null)
            {
                await context.Out.WriteLineAsync(DigestCliTexts.NothingSent(today));
                return NokoBotCli.Ok;
            }
            var keys = await context.Get<Outbox>().EnqueueDigestAsync(snapshot, today, recipients, now, ct);
            // Only what this command queued: the service's own deliveries are the service's to send.
            var sent = await context.Get<DeliveryDispatcher>().SendPendingAsync(new Dictionary<long, CouncilSnapshot> { [found.Id] = snapshot }, now, keys.ToHashSet(), ct);
            var ledger = context.Get<DeliveryLedger>();
            var deferred = 0;
            var failed = 0;
            foreach (var key in keys)
            {
                var row = await ledger.FindAsync(key, ct);
                if (row?.Status == DeliveryStatus.Pending) deferred++;
                else if (row?.Status is DeliveryStatus.Failed or DeliveryStatus.Skipped) failed++;
            }
            await context.Out.WriteLineAsync(
                DigestCliTexts.Sent(today, recipients.Count, keys.Count, sent, deferred, failed));
            return deferred + failed == 0 ? NokoBotCli.Ok : NokoBotCli.Refused;
        });

        return new Command("digest", "The weekly committee digest (email)") { preview, send };
    }

    private static async Task<CouncilSnapshot?> LoadAsync(CliContext context, string slug, CancellationToken ct)
    {
        await context.OpenDatabaseAsync(ct);
        return await context.Get<CouncilStore>().FindAsync(slug, ct) is { } council ? await context.Get<CouncilSnapshotStore>().LoadAsync(council, ct) : null;
    }

    private static Option<string?> DateOption(string description)
    {
        var date = new Option<string?>("--date") { Description = description };
        date.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !TryDate(r.Tokens[^1].Value, out _))
                r.AddError($"--date must be a date like 2020-06-01, got '{r.Tokens[^1].Value}'.");
        });
        return date;
    }

    private static DateOnly? Day(string? text) => text is not null && TryDate(text, out var d) ? d : null;

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

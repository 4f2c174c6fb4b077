using System.CommandLine;
using System.Text.Json;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

internal static class CouncilCommands
{
    public static Command Build(CliContextFactory contexts)
    {
        var name = new Option<string>("--name") { Description = "The council's full name", Required = true };
        var slug = new Option<string?>("--slug") { Description = "Short name used in commands (latin letters, digits, '-'); derived from the name when omitted" };
        slug.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string?>();
            if (value is not null && !Slugs.IsValid(value))
                r.AddError($"--slug '{value}' must be 2-40 latin lower-case letters, digits or '-'.");
        });
        var tz = new Option<string>("--tz") { Description = "IANA time zone, e.g. Europe/Moscow or Asia/Yakutsk", Required = true };
        tz.Validators.Add(r =>
        {
            var value = r.GetValueOrDefault<string>();
            if (value is not null && !TimeZones.IsIana(value))
                r.AddError($"--tz '{value}' is not a known IANA time zone (e.g. Europe/Moscow).");
        });
        var add = new Command("add", "Add a council") { name, slug, tz };
        add.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var fullName = parse.GetValue(name)!.Trim();
            var shortName = parse.GetValue(slug) ?? Slugs.FromName(fullName);
            if (!Slugs.IsValid(shortName))
                return await context.RefuseAsync(CouncilCliTexts.SlugUnderivable(fullName));
            await context.OpenDatabaseAsync(ct);
            var council = await context.Get<CouncilStore>().AddAsync(shortName, fullName, parse.GetValue(tz)!, ct);
            if (council is null)
                return await context.RefuseAsync(CouncilCliTexts.SlugTaken(shortName));
            await context.Out.WriteLineAsync(CouncilCliTexts.Added(council.Name, council.Slug, council.TimeZone));
            return NokoBotCli.Ok;
        });

        var json = CliOptions.Json();
        var list = new Command("list", "List the councils") { json };
        list.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var councils = await context.Get<CouncilStore>().ListAsync(ct);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(
                    councils.Select(c => new { slug = c.Slug, name = c.Name, timeZone = c.TimeZone }), CliJson.Options));
                return NokoBotCli.Ok;
            }
            if (councils.Count == 0)
            {
                await context.Out.WriteLineAsync(CouncilCliTexts.NoneYet);
                return NokoBotCli.Ok;
            }
            var table = new Table().AddColumns(CouncilCliTexts.SlugColumn, CouncilCliTexts.NameColumn, CouncilCliTexts.TimeZoneColumn);
            foreach (var c in councils) table.AddRow(Markup.Escape(c.Slug), Markup.Escape(c.Name), Markup.Escape(c.TimeZone));
            context.Console.Write(table);
            return NokoBotCli.Ok;
        });

        var setCouncil = CliOptions.Council();
        var digestRecipients = new Option<string?>("--digest-recipients")
        {
            Description = "Comma-separated email addresses that get the weekly digest (empty string clears the list)",
        };
        var publicPage = new Option<string?>("--public-page")
        {
            Description = "on: publish the council's public status page (/p/<slug>: items and statuses, no names, no files); off: take it down",
        };
        publicPage.AcceptOnlyFromAmong("on", "off");
        var set = new Command("set", "Change a council's settings") { setCouncil, digestRecipients, publicPage };
        set.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var council = await context.Get<CouncilStore>().FindAsync(parse.GetValue(setCouncil)!, ct);
            if (council is null) return await context.RefuseAsync(CliTexts.NoSuchCouncil(parse.GetValue(setCouncil)!));
            if (parse.GetValue(digestRecipients) is { } text)
            {
                var addresses = text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var invalid = addresses.Where(a => !MimeKit.MailboxAddress.TryParse(a, out var m) || m.Address != a || !a.Contains('@', StringComparison.Ordinal)).ToList();
                if (invalid.Count > 0) return await context.RefuseAsync(CouncilCliTexts.NotEmails(invalid));
                await context.Get<CouncilMailSettings>().SetDigestRecipientsAsync(council.Id, addresses, ct);
                await context.Out.WriteLineAsync(addresses.Length == 0
                    ? CouncilCliTexts.DigestListCleared(council.Name)
                    : CouncilCliTexts.DigestListSet(council.Name, addresses));
            }
            if (parse.GetValue(publicPage) is { } onOff)
            {
                var on = onOff == "on";
                await context.Get<CouncilPublicPage>().SetAsync(council.Id, on, ct);
                await context.Out.WriteLineAsync(on
                    ? WebCliTexts.PublicPageOn(council.Name, context.Get<NokoBot.Web.WebLinks>().PublicPage(council.Slug))
                    : WebCliTexts.PublicPageOff(council.Name));
            }
            return NokoBotCli.Ok;
        });

        return new Command("council", "Manage councils") { add, list, set };
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Cli;

internal static partial class InviteCommand
{
    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var party = new Option<string?>("--party") { Description = "The responsible party from the plan the new member speaks for (omit for a secretary or chair without one)" };
        var role = new Option<string>("--role") { Description = "member, secretary or chair", DefaultValueFactory = _ => "member" };
        role.Validators.Add(r =>
        {
            if (!MemberRoles.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--role must be member, secretary or chair.");
        });
        var expires = new Option<string>("--expires") { Description = "How long the link works: 14d, 48h, 30m", DefaultValueFactory = _ => "14d" };
        expires.Validators.Add(r =>
        {
            if (ParseLifetime(r.GetValueOrDefault<string>() ?? "") is null) r.AddError("--expires must look like 14d, 48h or 30m (at most 90d).");
        });
        var invite = new Command("invite", "Print a single-use Telegram link that makes whoever opens it a member of the council")
        {
            council, party, role, expires,
        };
        invite.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            var target = await context.Get<CouncilStore>().FindAsync(slug, ct);
            if (target is null) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            var partyName = parse.GetValue(party);
            var lifetime = ParseLifetime(parse.GetValue(expires)!)!.Value;
            var code = await context.Get<InviteStore>().CreateAsync(target.Id, partyName, MemberRoles.ParseOrMember(parse.GetValue(role)), lifetime, ct);
            if (code is null)
                return await context.RefuseAsync(InviteCliTexts.NoSuchParty(target.Name, partyName, slug));
            var bot = context.Configuration["Telegram:BotUsername"] is { Length: > 0 } name ? name.TrimStart('@') : InviteCliTexts.BotNamePlaceholder;
            await context.Out.WriteLineAsync($"https://t.me/{bot}?start={code}");
            await context.Error.WriteLineAsync(
                InviteCliTexts.LinkFor(partyName ?? parse.GetValue(role), target.Name, context.Time.GetUtcNow() + lifetime));
            return NokoBotCli.Ok;
        });
        return invite;
    }

    public static TimeSpan? ParseLifetime(string text)
    {
        var m = Lifetime().Match(text.Trim());
        if (!m.Success) return null;
        var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var span = m.Groups["u"].Value switch { "d" => TimeSpan.FromDays(n), "h" => TimeSpan.FromHours(n), _ => TimeSpan.FromMinutes(n) };
        return span > TimeSpan.Zero && span <= TimeSpan.FromDays(90) ? span : null;
    }

    [GeneratedRegex(@"^(?<n>\d{1,5})(?<u>[dhm])$")]
    private static partial Regex Lifetime();
}

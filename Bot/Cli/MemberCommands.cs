using System.CommandLine;
using System.Text.Json;
using NokoBot.Delivery;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;
using Spectre.Console;

namespace NokoBot.Cli;

/// <summary>
/// <c>nokobot member add|list|remove</c>: members reached by email (no Telegram needed). A new member gets a welcome
/// letter through the outbox: sent at once when this command can send email, else by the service.
/// </summary>
internal static class MemberCommands
{
    public static Command Build(CliContextFactory contexts) =>
        new("member", "Members of a council reached by email") { BuildAdd(contexts), BuildList(contexts), BuildRemove(contexts) };

    private static Command BuildAdd(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var party = new Option<string?>("--party") { Description = "The responsible party from the plan the member speaks for (omit for a secretary or chair without one)" };
        var email = new Option<string>("--email") { Description = "The member's email address", Required = true };
        var name = new Option<string?>("--name") { Description = "How letters address them (default: the party)" };
        var role = Role();
        var add = new Command("add", "Add a member reached by email and send them a welcome letter") { council, party, email, name, role };
        add.SetAction(async (parse, ct) =>
        {
            // The welcome is email; Telegram is not needed.
            using var context = contexts.Create(parse, new Dictionary<string, string?> { ["Telegram:Enabled"] = "false" });
            var database = await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            if (await context.Get<CouncilStore>().FindAsync(slug, ct) is not { } target) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            if (EmailAddresses.Normalize(parse.GetValue(email)) is not { } address) return await context.RefuseAsync(MemberCliTexts.NotAnAddress(parse.GetValue(email)!));
            var memberRole = MemberRoles.ParseOrMember(parse.GetValue(role));
            var directory = context.Get<MemberDirectory>();
            string? partyName = null;
            if (parse.GetValue(party) is { Length: > 0 } asked)
            {
                partyName = await directory.PartyAsync(target.Id, asked, ct);
                if (partyName is null) return await context.RefuseAsync(MemberCliTexts.NoSuchParty(target.Name, asked, slug));
            }
            else if (memberRole == MemberRole.Member) return await context.RefuseAsync(MemberCliTexts.PartyRequired);
            if ((await directory.FindByEmailAsync(address, ct)).FirstOrDefault(m => m.CouncilId == target.Id) is { } taken)
                return await context.RefuseAsync(MemberCliTexts.AddressTaken(address, taken.Name));

            var memberName = parse.GetValue(name)?.Trim() is { Length: > 0 } given ? given : partyName ?? address;
            var now = context.Time.GetUtcNow();
            long memberId;
            string welcome;
            await using (var connection = await database.OpenAsync(ct))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                memberId = await directory.AddAsync(connection, tx, target.Id, memberName, memberRole, null, address, partyName is null ? [] : [partyName], ct);
                welcome = await context.Get<Outbox>().EnqueueWelcomeAsync(connection, tx, target.Id, memberId, now, ct);
                await tx.CommitAsync(ct);
            }
            await context.Out.WriteLineAsync(MemberCliTexts.Added(memberName, memberId, address, target.Name));
            var dispatcher = context.Get<DeliveryDispatcher>();
            var sent = dispatcher.Has(Channels.Email)
                && await dispatcher.SendPendingAsync(new Dictionary<long, CouncilSnapshot>(), now, new HashSet<string>(StringComparer.Ordinal) { welcome }, ct) > 0;
            await context.Out.WriteLineAsync(sent ? MemberCliTexts.WelcomeSent : MemberCliTexts.WelcomeQueued);
            return NokoBotCli.Ok;
        });
        return add;
    }

    private static Command BuildList(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var json = CliOptions.Json();
        var list = new Command("list", "List a council's members: roles, parties, Telegram and email") { council, json };
        list.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            if (await context.Get<CouncilStore>().FindAsync(slug, ct) is not { } target) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            var members = await context.Get<MemberDirectory>().ContactsAsync(target.Id, ct);
            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(members.Select(m => new
                {
                    id = m.Id,
                    name = m.Name,
                    role = m.Role.ToName(),
                    parties = m.Parties,
                    telegram = m.TelegramChatId is null ? null : m.TelegramUnreachable ? "unreachable" : "linked",
                    email = m.Email,
                    emailState = m.Email is null ? null : m.EmailState.ToName() ?? "working",
                    digestByEmail = m.DigestByEmail,
                }), CliJson.Options));
                return NokoBotCli.Ok;
            }
            if (members.Count == 0)
            {
                await context.Out.WriteLineAsync(MemberCliTexts.NoneYet(target.Name));
                return NokoBotCli.Ok;
            }
            var table = new Table().AddColumns(MemberCliTexts.IdColumn, MemberCliTexts.NameColumn, MemberCliTexts.RoleColumn,
                MemberCliTexts.PartiesColumn, MemberCliTexts.TelegramColumn, MemberCliTexts.EmailColumn);
            foreach (var m in members)
            {
                var telegram = m.TelegramChatId is null ? MemberCliTexts.Nothing : m.TelegramUnreachable ? MemberCliTexts.TelegramLost : MemberCliTexts.TelegramLinked;
                var address = m.Email is null ? MemberCliTexts.Nothing : MemberCliTexts.Email(m.Email, m.EmailState.ToName());
                table.AddRow(m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(m.Name), ChatTexts.RoleName(m.Role),
                    Markup.Escape(string.Join(", ", m.Parties)), telegram, Markup.Escape(address));
            }
            context.Console.Write(table);
            return NokoBotCli.Ok;
        });
        return list;
    }

    private static Command BuildRemove(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var email = new Option<string?>("--email") { Description = "The member's email address" };
        var id = new Option<long?>("--id") { Description = "The member's number (see 'nokobot member list')" };
        var remove = new Command("remove", "Remove a member: nothing more is sent to them; what they reported stays") { council, email, id };
        remove.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            if (await context.Get<CouncilStore>().FindAsync(slug, ct) is not { } target) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            var directory = context.Get<MemberDirectory>();
            var members = await directory.ContactsAsync(target.Id, ct);
            MemberContact? member;
            string who;
            if (parse.GetValue(id) is { } number)
            {
                member = members.FirstOrDefault(m => m.Id == number);
                who = MemberCliTexts.ByNumber(number);
            }
            else if (parse.GetValue(email) is { Length: > 0 } text)
            {
                var address = EmailAddresses.Normalize(text);
                member = members.FirstOrDefault(m => m.Email is not null && m.Email == address);
                who = text;
            }
            else return await context.RefuseAsync(MemberCliTexts.RemoveWhom);
            if (member is null || !await directory.RemoveAsync(target.Id, member.Id, ct))
                return await context.RefuseAsync(MemberCliTexts.NoSuchMember(who, target.Name));
            await context.Out.WriteLineAsync(MemberCliTexts.Removed(member.Name, target.Name));
            return NokoBotCli.Ok;
        });
        return remove;
    }

    private static Option<string> Role()
    {
        var role = new Option<string>("--role") { Description = "member, secretary or chair", DefaultValueFactory = _ => "member" };
        role.Validators.Add(r =>
        {
            if (!MemberRoles.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--role must be member, secretary or chair.");
        });
        return role;
    }
}

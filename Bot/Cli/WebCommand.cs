using System.CommandLine;
using NokoBot.Domain.Councils;
using NokoBot.Storage;
using NokoBot.Texts;
using NokoBot.Web;

namespace NokoBot.Cli;

/// <summary><c>nokobot web link --council C --role secretary</c>: a sign-in link to the council's pages for the administrator.</summary>
internal static class WebCommand
{
    public static Command Build(CliContextFactory contexts)
    {
        var council = CliOptions.Council();
        var role = new Option<string>("--role") { Description = "The role the link signs in with: member, secretary or chair", DefaultValueFactory = _ => "secretary" };
        role.Validators.Add(r =>
        {
            if (!MemberRoles.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--role must be member, secretary or chair.");
        });
        var link = new Command("link", "Print a single-use sign-in link to a council's pages (it works for 10 minutes; Web:PublicBaseUrl is its address)")
        {
            council, role,
        };
        link.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            await context.OpenDatabaseAsync(ct);
            var slug = parse.GetValue(council)!;
            if (await context.Get<CouncilStore>().FindAsync(slug, ct) is not { } target) return await context.RefuseAsync(CliTexts.CouncilNotFound(slug));
            var signInRole = MemberRoles.ParseOrMember(parse.GetValue(role));
            var url = await context.Get<WebLinks>().SignInAsync(target.Id, null, signInRole, ct);
            await context.Out.WriteLineAsync(url);
            await context.Error.WriteLineAsync(WebCliTexts.SignInLink(target.Name, ChatTexts.RoleName(signInRole), url, WebLinks.SignInMinutes));
            return NokoBotCli.Ok;
        });
        return new Command("web", "The council pages") { link };
    }
}

using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using NokoBot.Domain.Reminders;
using NokoBot.Hosting;

namespace NokoBot.Tests.Architecture;

/// <summary>
/// The folders' boundaries as docs/architecture.md draws them: each folder uses only what its line there allows, and
/// no two folders use each other. A new dependency is a decision: make it here and in the document together.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly ArchUnitNET.Domain.Architecture Code =
        new ArchLoader().LoadAssemblies(typeof(NokoBotHost).Assembly, typeof(ReminderPolicy).Assembly).Build();

    /// <summary>What each folder may use (besides itself). Bot.Domain is one folder here: it uses nothing.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Domain"] = [],
        ["Texts"] = ["Domain"],
        ["Storage"] = ["Domain"],
        ["Plans"] = ["Texts", "Domain"],
        ["Delivery"] = ["Storage", "Domain"],
        ["Replies"] = ["Delivery", "Storage", "Texts", "Domain"],
        ["Email"] = ["Delivery", "Texts", "Domain"],
        ["Desk"] = ["Plans", "Storage", "Domain"],
        ["Reports"] = ["Storage", "Texts", "Domain"],
        ["Telegram"] = ["Desk", "Reports", "Web", "Replies", "Delivery", "Plans", "Storage", "Texts", "Domain"],
        ["Web"] = ["Replies", "Storage", "Texts", "Domain"],
        ["Inbox"] = ["Email", "Replies", "Delivery", "Storage", "Texts", "Domain"],
        ["Scheduling"] = ["Delivery", "Storage", "Domain"],
        ["Simulation"] = ["Hosting", "Replies", "Delivery", "Email", "Storage", "Texts", "Domain"],
        ["Hosting"] = ["Scheduling", "Web", "Telegram", "Inbox", "Email", "Desk", "Reports", "Replies", "Delivery", "Storage", "Domain"],
        ["Cli"] = ["Hosting", "Simulation", "Desk", "Reports", "Plans", "Web", "Replies", "Delivery", "Email", "Storage", "Texts", "Domain"],
    };

    [Fact]
    public void Each_folder_uses_only_what_the_architecture_allows()
    {
        var forbidden = FolderDependencies()
            .Where(d => !Allowed.TryGetValue(d.From, out var allowed) || !allowed.Contains(d.To, StringComparer.Ordinal))
            .Select(d => $"{d.From} → {d.To} ({d.Example})")
            .ToList();

        Assert.True(forbidden.Count == 0, "Forbidden dependencies:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void No_folder_cycles() =>
        SliceRuleDefinition.Slices().Matching("NokoBot.(*)").Should().BeFreeOfCycles().Check(Code);

    [Fact]
    public void Only_the_host_uses_the_scheduler() =>
        Assert.Equal(["Hosting"], FolderDependencies().Where(d => d.To == "Scheduling").Select(d => d.From).Distinct());

    [Fact]
    public void The_rule_table_knows_every_folder()
    {
        var folders = Code.Types.Select(t => FolderOf(t.Namespace.FullName)).OfType<string>().Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), folders);
    }

    /// <summary>Each (folder, folder it uses), with one type dependency that shows it.</summary>
    private static IEnumerable<(string From, string To, string Example)> FolderDependencies() =>
        Code.Types
            .SelectMany(type => type.Dependencies.Select(d => (Type: type, Target: d.Target)))
            .Select(d => (From: FolderOf(d.Type.Namespace.FullName), To: FolderOf(d.Target.Namespace.FullName), d.Type, d.Target))
            .Where(d => d.From is not null && d.To is not null && d.From != d.To)
            .GroupBy(d => (d.From!, d.To!))
            .Select(g => (g.Key.Item1, g.Key.Item2, $"{g.First().Type.Name} uses {g.First().Target.Name}"));

    /// <summary>«NokoBot.Telegram» → Telegram; «NokoBot.Domain.Plans» → Domain; outside NokoBot → null.</summary>
    private static string? FolderOf(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length >= 2 && parts[0] == "NokoBot" && parts[1] != "Tests" ? parts[1] : null;
    }
}

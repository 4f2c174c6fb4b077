using System.Text.RegularExpressions;
using NokoBot.Domain.Commands;
using NokoBot.Domain.Reminders;
using NokoBot.Texts;

namespace NokoBot.Tests.Texts;

public sealed partial class CommandTableTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);

    public static TheoryData<string> Names() => [.. CommandTable.All.Select(c => c.Name)];

    [Fact]
    public void Telegrams_menu_keeps_to_the_Bot_API_limits()
    {
        var menu = CommandTable.Menu;

        Assert.InRange(menu.Count, 1, 100);
        Assert.Equal(menu.Count, menu.Select(c => c.Command).Distinct(StringComparer.Ordinal).Count());
        Assert.All(menu, c =>
        {
            Assert.Matches(CommandName(), c.Command);
            Assert.InRange(c.Description.Length, 1, 256);
        });
    }

    [Fact]
    public void The_menu_holds_the_members_commands_and_not_the_secretarys()
    {
        Assert.Equal(["my", "plan", "item", "done", "postpone", "protocol", "settings", "web", "calendar", "email", "help"], CommandTable.Menu.Select(c => c.Command));
        Assert.Equal("Перенести срок: /postpone 4 15.07 причина", CommandTable.Menu.Single(c => c.Command == "postpone").Description);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_command_in_the_table_is_one_the_bot_understands(string name)
    {
        if (name == CommandTable.LinkGroup.Name) return; // a group chat's command: GroupHandler reads it, not the private chat's parser

        Assert.IsNotType<ChatCommand.Unknown>(ChatCommandParser.Parse("/" + name, Today));
    }

    [Fact]
    public void Every_command_the_bot_understands_is_in_the_table()
    {
        // One ChatCommand per command, besides /start (the invite link's) and the two that say a text was not one.
        var commands = typeof(ChatCommand).GetNestedTypes()
            .Where(t => t.IsSubclassOf(typeof(ChatCommand)) && t != typeof(ChatCommand.Start) && t != typeof(ChatCommand.Unknown) && t != typeof(ChatCommand.Invalid))
            .Select(t => t.Name).ToList();

        Assert.True(commands.Count == CommandTable.All.Count - 1, "ChatCommand has a command the table does not list, or the other way round: " + string.Join(", ", commands));
    }

    [Fact]
    public void Every_example_is_a_command_that_works_as_written()
    {
        Assert.All(CommandTable.All.Where(c => c.Example is not null), c =>
        {
            var parsed = ChatCommandParser.Parse(c.Example, Today);
            Assert.NotNull(parsed);
            Assert.False(parsed is ChatCommand.Invalid or ChatCommand.Unknown, $"{c.Example} → {parsed}");
        });
    }

    [Fact]
    public void A_member_is_told_their_commands_and_the_secretary_all()
    {
        var member = ChatTexts.Help(admin: false).Plain;
        var secretary = ChatTexts.Help(admin: true).Plain;

        Assert.All(CommandTable.All.Where(c => c.Audience == CommandAudience.Members && c != CommandTable.Help), c => Assert.Contains(c.Line, member, StringComparison.Ordinal));
        Assert.All(CommandTable.All.Where(c => c.Audience == CommandAudience.SecretaryAndChair), c =>
        {
            Assert.DoesNotContain("/" + c.Name, member, StringComparison.Ordinal);
            Assert.Contains(c.Line, secretary, StringComparison.Ordinal);
        });
        Assert.Contains("/postpone N дата [причина] — перенести срок (дата: 15.07, 15.07.2020, 15 июля или +7)", member, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reminder_and_a_letter_offer_the_same_answers_for_the_item()
    {
        Assert.Equal(
            [("/done 4", "отметить выполнение"), ("/postpone 4 ДД.ММ причина", "перенести срок (дата: 15.07, 15.07.2020, 15 июля или +7)"),
                ("/protocol 4", "прикрепить протокол (подписью к файлу протокола)")],
            EmailTexts.Commands("4"));
        Assert.Equal("Ответьте: /done 4 — отметить выполнение; /postpone 4 ДД.ММ причина — перенести срок", ReminderTexts.Details(Notice(ReminderKind.Before))[^1]);
        Assert.Equal("Назначьте срок: /setdue 4 ДД.ММ.ГГГГ", ReminderTexts.Details(Notice(ReminderKind.AskDate))[^1]);
        Assert.Equal("Ход работы: /item 4", ReminderTexts.Details(Notice(ReminderKind.Escalation))[^1]);
    }

    private static ReminderNotice Notice(ReminderKind kind) =>
        new("key", kind, "Совет", 1, "4", "Разработка технического задания", ["Общественный совет"], "июнь", new DateOnly(2020, 6, 30), "ТЗ");

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();
}

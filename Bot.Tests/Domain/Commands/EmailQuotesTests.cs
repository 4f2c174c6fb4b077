using NokoBot.Domain.Commands;

namespace NokoBot.Tests.Domain.Commands;

/// <summary>How mail clients quote the letter they answer, and where the sender's own text ends.</summary>
public sealed class EmailQuotesTests
{
    public static TheoryData<string, string, string> Bodies() => new()
    {
        { "plain reply", "Готово\nСпасибо", "Готово\nСпасибо" },
        { "> quoting", "Готово\n\n> Напоминание: п. 4\n> Готово", "Готово\n" },
        { "signature", "Готово\n-- \nИванова М. И.\nГотово", "Готово" },
        { "signature without its space", "Готово\n--\nИванова", "Готово" },
        {
            "Gmail, English",
            "Перенос 15.07\n\nOn Mon, Jun 22, 2020 at 10:00 AM NokoBot <noko@example.org> wrote:\n\n> Готово 4",
            "Перенос 15.07\n"
        },
        {
            "Gmail, English, attribution wrapped",
            "Перенос 15.07\n\nOn Mon, Jun 22, 2020 at 10:00 AM NokoBot <\nnoko@example.org> wrote:\n\n> Готово 4",
            "Перенос 15.07\n"
        },
        {
            "Gmail, Russian",
            "Готово\n\nпн, 22 июн. 2020 г. в 10:00, NokoBot <noko@example.org>:\n\n> Перенос 4 15.07",
            "Готово\n"
        },
        {
            "Yandex and Mail.ru",
            "Готово\n\n22.06.2020, 10:00, \"NokoBot\" <noko@example.org> пишет:\nПеренос 4 15.07",
            "Готово\n"
        },
        { "Thunderbird, Russian", "Готово\n\n22.06.2020 10:00, NokoBot написал:\nПеренос", "Готово\n" },
        {
            "Outlook, English",
            "Done 4\n\n-----Original Message-----\nFrom: NokoBot <noko@example.org>\nSent: Monday, June 22, 2020 10:00 AM\nSubject: Reminder\n\nПеренос 4 15.07",
            "Done 4\n"
        },
        {
            "Outlook, Russian header block",
            "Готово\n\nОт: NokoBot <noko@example.org>\nОтправлено: 22 июня 2020 г. 10:00\nКому: Иванова М. И.\nТема: Напоминание\n\nПеренос 4 15.07",
            "Готово\n"
        },
        {
            "Outlook, underscores",
            "Готово\n\n________________________________\nОт: NokoBot <noko@example.org>\nПеренос 4 15.07",
            "Готово\n"
        },
        {
            "a forwarded letter",
            "Готово\n\n-------- Пересылаемое сообщение --------\nПеренос 4 15.07",
            "Готово\n"
        },
        // «От:» inside the sender's own text, not starting a header block, is theirs.
        { "От: in a sentence", "От: отдела образования — готово\nГотово", "От: отдела образования — готово\nГотово" },
        { "Windows line ends", "Готово\r\n> Перенос", "Готово" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_sender_s_own_text_ends_where_the_quote_or_the_signature_begins(string client, string body, string own) =>
        Assert.True(own == string.Join("\n", EmailQuotes.OwnLines(body)), client);
}

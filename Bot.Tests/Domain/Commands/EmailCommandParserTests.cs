using NokoBot.Domain.Commands;

namespace NokoBot.Tests.Domain.Commands;

public sealed class EmailCommandParserTests
{
    private static readonly DateOnly Today = new(2020, 6, 23);

    public static TheoryData<string, EmailCommand?> Lines() => new()
    {
        { "Готово", new EmailCommand.Done(null, null) },
        { "готово!", new EmailCommand.Done(null, null) },
        { "ГОТОВО 4", new EmailCommand.Done("4", null) },
        { "Готово 4 протокол у секретаря", new EmailCommand.Done("4", "протокол у секретаря") },
        { "Готово, п. 2.1. Всё сделали", new EmailCommand.Done("2.1", "Всё сделали") },
        { "Готово пункт 12", new EmailCommand.Done("12", null) },
        { "Готово: спасибо за напоминание", new EmailCommand.Done(null, "спасибо за напоминание") },
        { "Готово 2020 года", new EmailCommand.Done(null, "2020 года") },
        { "Выполнено", new EmailCommand.Done(null, null) },
        { "выполнено 8 — протокол приложен", new EmailCommand.Done("8", "протокол приложен") },
        { "Сделано", new EmailCommand.Done(null, null) },
        { "Done", new EmailCommand.Done(null, null) },
        { "DONE 4 finished", new EmailCommand.Done("4", "finished") },
        { "Перенос 4 15.07 ждём оператора", new EmailCommand.Postpone("4", new DateOnly(2020, 7, 15), "ждём оператора") },
        { "перенос 4 на 15 июля", new EmailCommand.Postpone("4", new DateOnly(2020, 7, 15), null) },
        { "Перенос 15.07 ждём оператора", new EmailCommand.Postpone(null, new DateOnly(2020, 7, 15), "ждём оператора") },
        { "Перенос на 15.07.2020", new EmailCommand.Postpone(null, new DateOnly(2020, 7, 15), null) },
        { "Перенос 15 июля", new EmailCommand.Postpone(null, new DateOnly(2020, 7, 15), null) },
        { "Перенос 2.1 +7", new EmailCommand.Postpone("2.1", new DateOnly(2020, 6, 30), null) },
        { "Перенести 4 01.09 нет денег", new EmailCommand.Postpone("4", new DateOnly(2020, 9, 1), "нет денег") },
        { "postpone 4 15.07 operator is late", new EmailCommand.Postpone("4", new DateOnly(2020, 7, 15), "operator is late") },
        { "Перенос 4", new EmailCommand.PostponeWithoutDate() },
        { "Перенос 4 завтра", new EmailCommand.PostponeWithoutDate() },
        { "Перенос 4 31.02", new EmailCommand.PostponeWithoutDate() },
        { "Протокол", new EmailCommand.Protocol(null, null) },
        { "Протокол 8", new EmailCommand.Protocol("8", null) },
        { "протокол №8 заседания 15.06", new EmailCommand.Protocol("8", "заседания 15.06") },
        { "Protocol 8", new EmailCommand.Protocol("8", null) },
        { "Отписаться", new EmailCommand.Unsubscribe() },
        { "unsubscribe", new EmailCommand.Unsubscribe() },
        { "Стоп.", new EmailCommand.Unsubscribe() },
        { "Стоп, это не нам", null },
        { "Готовопоследнее", null },
        { "Добрый день!", null },
        { "Напоминание: п. 4 — срок до 30.06.2020", null },
        { "Пункт 4 готово", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void A_line_that_starts_with_a_command_word_is_that_command(string line, EmailCommand? expected) =>
        Assert.Equal(expected, EmailCommandParser.ParseLine(line, Today));

    public static TheoryData<string, string, EmailCommand?> Letters() => new()
    {
        // The subject, without its reply prefixes, comes first.
        { "Готово 4", "", new EmailCommand.Done("4", null) },
        { "Re: RE[2]: Fwd: Перенос 4 15.07", "Добрый день", new EmailCommand.Postpone("4", new DateOnly(2020, 7, 15), null) },
        { "Ответ: Протокол 8", "", new EmailCommand.Protocol("8", null) },
        // Our own subjects are not commands: the body is read.
        { "Re: Напоминание: п. 4 — срок до 30.06.2020", "Готово\n\nС уважением,\nИванова", new EmailCommand.Done(null, null) },
        { "Re: Напоминание", "Добрый день!\n\nВыполнено 4, отчёт на сайте.\n", new EmailCommand.Done("4", "отчёт на сайте.") },
        // The sender's own lines come first; the quoted reminder lists every command and is never read.
        { "Re: Напоминание", "Перенос 15.07 ждём оператора\n\n> Готово 4\n> Протокол 4", new EmailCommand.Postpone(null, new DateOnly(2020, 7, 15), "ждём оператора") },
        { "Re: Напоминание", "Спасибо, посмотрю.\n\n> Как ответить: Готово", null },
        { "Re: Напоминание", "Спасибо\n-- \nГотово — наш девиз", null },
        { "Re: Напоминание", "Спасибо\r\n\r\nOn Mon, 22 Jun 2020 at 10:00, NokoBot <noko@example.org> wrote:\r\nГотово\r\n", null },
        { "Re: Напоминание", "Спасибо\n\n22.06.2020, 10:00, \"NokoBot\" <noko@example.org> пишет:\nГотово\n", null },
        { "RE: Напоминание", "Спасибо\n\n-----Original Message-----\nFrom: NokoBot\nГотово", null },
        { "RE: Напоминание", "Спасибо\n\nОт: NokoBot <noko@example.org>\nОтправлено: 22 июня 2020 г. 10:00\nКому: Иванова\nТема: Напоминание\n\nГотово", null },
        // A greeting and a few lines may come first, not a whole letter.
        { "Вопрос", "1\n2\n3\n4\n5\nГотово", null },
        { "", "", null },
    };

    [Theory]
    [MemberData(nameof(Letters))]
    public void A_letter_s_command_is_in_its_subject_or_in_the_first_lines_its_sender_wrote(string subject, string body, EmailCommand? expected) =>
        Assert.Equal(expected, EmailCommandParser.Parse(subject, body, Today));

    [Fact]
    public void Nothing_a_letter_can_hold_makes_the_parser_throw()
    {
        var random = new Random(14);
        const string alphabet = "Готово перенос протокол 0123456789.,:;>-–—_\n\r\t Re: От: wrote: пишет: <@>п№+";
        for (var i = 0; i < 5_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var subject = new string([.. text.Reverse()]);
            _ = EmailCommandParser.Parse(subject, text, Today);
        }
    }
}

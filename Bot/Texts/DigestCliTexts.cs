namespace NokoBot.Texts;

/// <summary>What <c>nokobot digest preview|send</c> says.</summary>
public static class DigestCliTexts
{
    public static string NothingToPreview(DateOnly day) => $"На {DeadlineTexts.Date(day)} сообщать нечего: сводка не была бы отправлена.";

    public static string NothingSent(DateOnly day) => $"На {DeadlineTexts.Date(day)} сообщать нечего: сводка не отправлена.";

    public static string Written(string file) => $"Сводка записана в {file}.";

    public static string Subject(string subject) => $"Тема: {subject}";

    public static string MailNotConfigured(IEnumerable<string> failures) => "Почта не настроена:\n" + string.Join("\n", failures);

    public static string NoRecipients(string councilName, string slug) =>
        $"У совета «{councilName}» нет списка рассылки сводки. Задайте его: nokobot council set --council {slug} --digest-recipients a@example.org,b@example.org";

    public static string Sent(DateOnly day, int recipients, int queued, int sent, int deferred, int failed) =>
        $"Сводка на {DeadlineTexts.Date(day)}: адресатов {recipients}, поставлено в очередь {queued}; отправлено {sent}, отложено {deferred}, отказано {failed}.";
}

using NokoBot.Domain.Replies;
using NokoBot.Texts;

namespace NokoBot.Tests.Texts;

public sealed class ReplyTextsTests
{
    private static ReplyDecision.Accepted Done(bool closesOccurrence, DateOnly? next, bool closesItem = false) =>
        new([], ["Общественный совет"], closesItem) { Occurrence = (new DateOnly(2020, 5, 31), next), ClosesOccurrence = closesOccurrence };

    [Fact]
    public void Done_on_an_occurrence_names_its_date_and_the_next_one()
    {
        Assert.Equal("✅ Отмечено: п. 5 «Обсуждение итогов» выполнен за срок до 31.05.2020 за «Общественный совет». Следующий срок — до 31.10.2020.",
            ReplyTexts.Done("5", "Обсуждение итогов", Done(true, new DateOnly(2020, 10, 31))));
        Assert.Equal("✅ Отмечено: п. 5 «Обсуждение итогов» выполнен за срок до 31.05.2020 за «Общественный совет». Пункт закрыт.",
            ReplyTexts.Done("5", "Обсуждение итогов", Done(true, null, closesItem: true)));
        Assert.Equal("✅ Отмечено: п. 5 «Обсуждение итогов» выполнен за срок до 31.05.2020 за «Общественный совет». Ждём отметки остальных ответственных.",
            ReplyTexts.Done("5", "Обсуждение итогов", Done(false, new DateOnly(2020, 10, 31))));
    }

    [Fact]
    public void A_done_occurrence_is_refused_with_the_next_date() =>
        Assert.Equal("Пункт 5: выполнение за этот срок уже отмечено. Следующий срок — до 31.10.2020.",
            ReplyTexts.Refusal(new ReplyRefusal.OccurrenceDone("5", new DateOnly(2020, 10, 31))));
}

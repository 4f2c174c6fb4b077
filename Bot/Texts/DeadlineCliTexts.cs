using NokoBot.Domain.Deadlines;

namespace NokoBot.Texts;

/// <summary>What <c>nokobot deadline parse</c> shows: the text, its kind, how it was understood, what needs attention.</summary>
public static class DeadlineCliTexts
{
    public static string Text(string text) => $"Срок:   «{text}»";

    /// <param name="code">The kind's name in the JSON contract («window», «relative», …).</param>
    public static string Kind(DeadlineKind kind, string code) => $"Вид:    {DeadlineTexts.KindName(kind)} ({code})";

    public static string Understood(Deadline deadline) => $"Понят:  {DeadlineTexts.Describe(deadline)}";

    public static string Attention(string attention) => $"Внимание: {attention}";
}

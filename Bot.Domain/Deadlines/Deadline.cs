namespace NokoBot.Domain.Deadlines;

/// <summary>What a plan's deadline text means, parsed once at import. <see cref="Text"/> is always kept verbatim.</summary>
public abstract record Deadline(string Text)
{
    public abstract DeadlineKind Kind { get; }
}

/// <summary>A span of days: a month, a month range, a quarter, a half-year, a year, an academic year, a date range.</summary>
public sealed record WindowDeadline(string Text, DateOnly Start, DateOnly End) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Window;
}

/// <summary>An exact day («15.05.2020», «до 20 октября»).</summary>
public sealed record DateDeadline(string Text, DateOnly Date) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Date;
}

/// <summary>
/// Every period: week, month, quarter, half-year or year. <see cref="Day"/>, when set, is the day of the month each
/// period's work is due by — in the period's last month («ежемесячно до 5 числа»: the 5th of every month), or, when
/// <see cref="Following"/>, in the month after the period reported on («ежеквартально до 10 числа месяца, следующего за
/// отчётным кварталом»: 10 April for the first quarter); a day past the month's end is its last day. Without a day, the
/// period's last day. <see cref="AtLeast"/>: a floor («не реже одного раза в полугодие»), due the same days.
/// </summary>
public sealed record RecurringDeadline(string Text, RecurrencePeriod Every, int? Day = null, bool Following = false, bool AtLeast = false)
    : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Recurring;
}

/// <summary>
/// Several separate spans, each its own occurrence («март, июнь, сентябрь, декабрь», «I и III кварталы», «15.03, 15.06»):
/// each window reads as it would alone (a date is a one-day window), in order, none overlapping another.
/// </summary>
public sealed record SeriesDeadline(string Text, IReadOnlyList<DeadlineWindow> Windows) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Series;

    public bool Equals(SeriesDeadline? other) =>
        other is not null && Text == other.Text && Windows.SequenceEqual(other.Windows);

    public override int GetHashCode() => HashCode.Combine(Text, Windows.Count, Windows.Count > 0 ? Windows[0] : default);
}

/// <summary>One span of a <see cref="SeriesDeadline"/>, due at its end.</summary>
public readonly record struct DeadlineWindow(DateOnly Start, DateOnly End);

/// <summary>«постоянно», «в течение года» without a due date: periodic check-ins.</summary>
public sealed record ContinuousDeadline(string Text) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Continuous;
}

/// <summary>N units after an event («в течение 10 дней со дня поступления информации о результатах НОКО»).</summary>
public sealed record RelativeDeadline(string Text, int Amount, RelativeUnit Unit, string Anchor) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Relative;
}

/// <summary>Empty, «согласно графику…», «по мере необходимости»: the secretary is asked for a date.</summary>
public sealed record UnscheduledDeadline(string Text) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Unscheduled;
}

/// <summary>Text the parser could not read: kept verbatim and flagged to the secretary.</summary>
public sealed record UnknownDeadline(string Text) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Unknown;
}

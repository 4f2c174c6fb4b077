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
/// Every period. <see cref="DueDay"/>, when set, is the day of the month following the period by which
/// the period's work is due («ежеквартально до 5 числа месяца, следующего за отчётным»); otherwise the
/// period's last day.
/// </summary>
public sealed record RecurringDeadline(string Text, RecurrencePeriod Every, int? DueDay = null) : Deadline(Text)
{
    public override DeadlineKind Kind => DeadlineKind.Recurring;
}

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

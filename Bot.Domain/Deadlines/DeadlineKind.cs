namespace NokoBot.Domain.Deadlines;

public enum DeadlineKind { Window, Date, Series, Recurring, Continuous, Relative, Unscheduled, Unknown }

public enum RecurrencePeriod { Week, Month, Quarter, HalfYear, Year }

public enum RelativeUnit { Days, WorkingDays, Weeks, Months }

/// <summary>The contract spellings of the kinds and units (CLI JSON, storage).</summary>
public static class DeadlineNames
{
    public static string Of(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Window => "window",
        DeadlineKind.Date => "date",
        DeadlineKind.Recurring => "recurring",
        DeadlineKind.Series => "series",
        DeadlineKind.Continuous => "continuous",
        DeadlineKind.Relative => "relative",
        DeadlineKind.Unscheduled => "unscheduled",
        _ => "unknown",
    };

    public static string Of(RecurrencePeriod period) => period switch
    {
        RecurrencePeriod.Week => "week",
        RecurrencePeriod.Month => "month",
        RecurrencePeriod.Quarter => "quarter",
        RecurrencePeriod.HalfYear => "half-year",
        _ => "year",
    };

    public static string Of(RelativeUnit unit) => unit switch
    {
        RelativeUnit.Days => "days",
        RelativeUnit.WorkingDays => "working-days",
        RelativeUnit.Weeks => "weeks",
        _ => "months",
    };
}

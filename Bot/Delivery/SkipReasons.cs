namespace NokoBot.Delivery;

/// <summary>
/// Why a delivery was skipped instead of sent: written to the ledger's <c>last_error</c> and to the log, for operators
/// (English, like the rest of the log). Members never see these.
/// </summary>
public static class SkipReasons
{
    public const string Stale = "stale (the service was down): the digest reports it";

    public const string MissedWhileDown = "missed while the service was down: the digest reports it";

    public const string MemberRemoved = "member removed";

    public const string NothingToReport = "nothing to report";

    public const string NothingToSend = "nothing to send: meeting or digest not found";

    public const string ItemRemoved = "item removed";

    public const string NextPlanIn = "next year's plan is in already";

    public const string ItemSettled = "item already done or dated";

    public const string EmailNotWorking = "the member's address bounced or unsubscribed";

    public static string NoChannel(string channel) => $"channel {channel} not configured";
}

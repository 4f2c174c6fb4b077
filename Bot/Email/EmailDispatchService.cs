using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NokoBot.Email;

/// <summary>Sends what is due in the email outbox every <see cref="Period"/>; deferred deliveries wait for their back-off.</summary>
public sealed class EmailDispatchService(EmailOutbox outbox, TimeProvider time, ILogger<EmailDispatchService> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        do
        {
            try
            {
                await outbox.DispatchAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad round (database busy, a bug in one message) must not stop email for good.
                EmailLog.DispatchFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

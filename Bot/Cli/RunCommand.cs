using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NokoBot.Hosting;

namespace NokoBot.Cli;

internal static class RunCommand
{
    public static Command Build(CliContextFactory contexts)
    {
        var run = new Command("run", "Run the service: schedule and send every council's reminders and digests until stopped (Ctrl+C, SIGTERM)");
        run.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            using var host = NokoBotHost.CreateServiceBuilder(contexts.StorageOverride(parse)).Build();
            try
            {
                // Validate before starting: the host would log the failure with a stack trace first.
                if (host.Services.GetService<IAsyncStartupValidator>() is { } validator) await validator.ValidateAsync(ct);
                await host.RunAsync(ct);
                return NokoBotCli.Ok;
            }
            catch (OptionsValidationException e)
            {
                // A missing secret or a bad setting: say which variable, not a stack trace.
                await context.Error.WriteLineAsync("NokoBot cannot start, the configuration is incomplete:");
                foreach (var failure in e.Failures) await context.Error.WriteLineAsync("  " + failure);
                return NokoBotCli.Refused;
            }
        });
        return run;
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NokoBot.Cli;
using NokoBot.Tests.Fakes;

namespace NokoBot.Bench;

/// <summary>
/// The published <c>nokobot run</c> as its own process with the two seed councils: cold start until its first dispatch
/// is logged (the service is then serving), and its resident memory after sitting idle.
/// </summary>
internal static class FootprintScenario
{
    private const int Starts = 5;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    public static async Task RunAsync()
    {
        var dll = Path.Combine(Environment.GetEnvironmentVariable("NOKOBOT_PUBLISHED") ?? Path.Combine(ParserScenario.RepoRoot(), ".artifacts", "nokobot"), "nokobot.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("publish Bot first (bench/run.sh does): dotnet publish Bot -c Release -o .artifacts/nokobot", dll);
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-footprint-");
        await using var api = await FakeTelegramBotApi.StartAsync(CancellationToken.None);
        try
        {
            var db = Path.Combine(folder.FullName, "nokobot.db");
            await SeedAsync(db);
            var starts = new List<double>();
            double idleRss = 0;
            for (var run = 0; run < Starts; run++)
            {
                using var service = Start(dll, db, folder.FullName, api.BaseUrl, out var ready);
                var watch = Stopwatch.StartNew();
                if (!ready.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("nokobot run logged no dispatch in 30 s");
                starts.Add(watch.Elapsed.TotalSeconds);
                if (run == Starts - 1)
                {
                    await Task.Delay(Idle);
                    idleRss = ResidentMiB(service.Id);
                }
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
            }
            starts.Sort();
            Report.Line("footprint.cold_start_median", starts[Starts / 2], "s (process start → councils scheduled and the first dispatch logged)", goal: 1.5);
            Report.Line("footprint.cold_start_max", starts[^1], "s");
            Report.Line("footprint.idle_rss", idleRss, $"MiB after {Idle.TotalSeconds:0} s idle, two seed councils", goal: 80);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The two seed councils, set up the way a secretary does, with the CLI.</summary>
    private static async Task SeedAsync(string db)
    {
        var plans = Path.Combine(ParserScenario.RepoRoot(), "config", "plans");
        string[][] commands =
        [
            ["council", "add", "--db", db, "--name", "Общественный совет г. Десногорск", "--slug", "desnogorsk", "--tz", "Europe/Moscow"],
            ["plan", "import", Path.Combine(plans, "desnogorsk-2020.txt"), "--db", db, "--council", "desnogorsk", "--year", "2020"],
            ["council", "add", "--db", db, "--name", "Комитет по образованию г. Зея", "--slug", "zeya", "--tz", "Asia/Yakutsk"],
            ["plan", "import", Path.Combine(plans, "zeya-2020.txt"), "--db", db, "--council", "zeya", "--year", "2020"],
        ];
        foreach (var command in commands)
        {
            var error = new StringWriter();
            if (await NokoBotCli.RunAsync(command, TextWriter.Null, error, CancellationToken.None) != 0)
                throw new InvalidOperationException($"nokobot {string.Join(' ', command)}: {error}");
        }
    }

    private static Process Start(string dll, string db, string folder, string apiUrl, out ManualResetEventSlim ready)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var arg in new[] { dll, "run", "--db", db }) start.ArgumentList.Add(arg);
        start.Environment["Telegram__BotToken"] = FakeTelegramBotApi.Token;
        start.Environment["Telegram__ApiBaseUrl"] = apiUrl;
        start.Environment["Telegram__BotUsername"] = FakeTelegramBotApi.BotUsername;
        start.Environment["Calendar__Path"] = Path.Combine(ParserScenario.RepoRoot(), "config", "calendar", "ru.txt");
        // The council pages are served as in production, on a free port: a shared machine may have 8080 taken.
        start.Environment["Web__Urls"] = "http://127.0.0.1:0";
        var signal = new ManualResetEventSlim();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nokobot");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Dispatch:", StringComparison.Ordinal) == true) signal.Set(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ready = signal;
        return process;
    }

    /// <summary>VmRSS from /proc: what the process holds in memory now.</summary>
    private static double ResidentMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NokoBot.Cli;
using NokoBot.Tests.Fakes;

namespace NokoBot.Bench;

/// <summary>
/// The published <c>nokobot run</c> as its own process with the two seed councils: cold start until its first dispatch
/// is logged (the service is then serving), and its resident memory after sitting idle (the last
/// <see cref="IdleRuns"/> starts each sit idle; the median is the figure, against issue 17's 80 MB).
/// </summary>
internal static class FootprintScenario
{
    private const int Starts = 5;
    private const int IdleRuns = 3;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(15);

    /// <summary>Issue 17's goal, 80 MB (10^6 bytes), in MiB as the figure is.</summary>
    private const double GoalMiB = 80e6 / 1024 / 1024;

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
            var idle = new List<ResidentMemory>();
            for (var run = 0; run < Starts; run++)
            {
                using var service = Start(dll, db, folder.FullName, api.BaseUrl, out var ready);
                var watch = Stopwatch.StartNew();
                if (!ready.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("nokobot run logged no dispatch in 30 s");
                starts.Add(watch.Elapsed.TotalSeconds);
                if (run >= Starts - IdleRuns)
                {
                    await Task.Delay(Idle);
                    idle.Add(ResidentMemory.Read(service.Id));
                }
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
            }
            starts.Sort();
            Report.Line("footprint.cold_start_median", starts[Starts / 2], "s (process start → councils scheduled and the first dispatch logged)", goal: 1.5);
            Report.Line("footprint.cold_start_max", starts[^1], "s");
            idle.Sort((a, b) => a.Rss.CompareTo(b.Rss));
            var median = idle[IdleRuns / 2];
            Report.Line("footprint.idle_rss", median.Rss, FormattableString.Invariant(
                $"MiB after {Idle.TotalSeconds:0} s idle, two seed councils, median of {IdleRuns} starts ({idle[0].Rss:0.#}–{idle[^1].Rss:0.#})"), goal: Math.Round(GoalMiB, 1));
            Report.Line("footprint.idle_rss_anon", median.Anon, "MiB of it anonymous (managed heap, JIT code, native heaps, stacks)");
            Report.Line("footprint.idle_rss_file", median.File, "MiB of it file-backed (the runtime, framework and libraries mapped; shared with other .NET processes)");
            Console.Error.WriteLine(FormattableString.Invariant(
                $"footprint: idle RSS {median.Rss:0.0} MiB = {median.Rss * 1024 * 1024 / 1e6:0.0} MB against the goal of 80 MB — {(median.Rss <= GoalMiB ? "met" : "missed")}"));
            Console.Error.WriteLine("footprint: the median start's largest mappings (RSS, private):");
            foreach (var (name, rss, @private) in median.Largest) Console.Error.WriteLine(FormattableString.Invariant($"  {rss,8:0.0} MiB {@private,8:0.0} MiB  {name}"));
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
        // For trying runtime knobs on the service alone (not on the bench): NOKOBOT_BENCH_SERVICE_ENV="DOTNET_X=1;DOTNET_Y=0".
        foreach (var pair in (Environment.GetEnvironmentVariable("NOKOBOT_BENCH_SERVICE_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            start.Environment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var signal = new ManualResetEventSlim();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start nokobot");
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("Dispatch:", StringComparison.Ordinal) == true) signal.Set(); };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ready = signal;
        return process;
    }

    /// <summary>What the process holds in memory now (/proc status), and its largest mappings grouped by file.</summary>
    private sealed record ResidentMemory(double Rss, double Anon, double File, IReadOnlyList<(string Name, double Rss, double Private)> Largest)
    {
        public static ResidentMemory Read(int pid)
        {
            var status = System.IO.File.ReadLines($"/proc/{pid}/status").ToList();
            double Field(string name) => Kib(status.First(l => l.StartsWith(name + ":", StringComparison.Ordinal))) / 1024.0;
            var groups = new Dictionary<string, (double Rss, double Private)>();
            var current = "";
            foreach (var line in System.IO.File.ReadLines($"/proc/{pid}/smaps"))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 0 && !parts[0].EndsWith(':'))
                {
                    current = parts.Length >= 6 ? string.Join(' ', parts[5..]) : "[anonymous]";
                    continue;
                }
                if (parts.Length < 2) continue;
                groups.TryGetValue(current, out var g);
                if (parts[0] == "Rss:") g.Rss += Kib(line) / 1024.0;
                else if (parts[0] is "Private_Clean:" or "Private_Dirty:") g.Private += Kib(line) / 1024.0;
                else continue;
                groups[current] = g;
            }
            var largest = groups.OrderByDescending(g => g.Value.Rss).Take(15).Select(g => (Path.GetFileName(g.Key) is { Length: > 0 } f ? f : g.Key, g.Value.Rss, g.Value.Private)).ToList();
            return new ResidentMemory(Field("VmRSS"), Field("RssAnon"), Field("RssFile"), largest);
        }

        private static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}

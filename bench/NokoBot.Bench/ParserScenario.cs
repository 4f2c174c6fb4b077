using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NokoBot.Domain.Deadlines;
using NokoBot.Plans;

namespace NokoBot.Bench;

/// <summary>
/// BenchmarkDotNet on the deadline parser (every seed phrasing and a few from other councils' plans, per call) and
/// the plan importer (the Desnogorsk seed file, per import): mean time and bytes allocated per operation.
/// </summary>
internal static class ParserScenario
{
    public static Task RunAsync()
    {
        // In-process and short: the numbers land in this run's JSON lines instead of a separate build per benchmark.
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddLogger(new ConsoleLogger(unicodeSupport: true, ConsoleLogger.CreateGrayScheme()))
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableLogFile);
        // BenchmarkDotNet writes its progress to stdout; keep stdout for the JSON lines.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        BenchmarkDotNet.Reports.Summary summary;
        try
        {
            summary = BenchmarkRunner.Run<ParserBenchmarks>(config);
        }
        finally
        {
            Console.SetOut(stdout);
        }
        foreach (var report in summary.Reports)
        {
            var name = "parser." + report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            Report.Line(name, report.ResultStatistics?.Mean ?? double.NaN, "ns/op");
            Report.Line(name + ".alloc", report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0, "bytes/op");
        }
        return Task.CompletedTask;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NokoBot.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

[MemoryDiagnoser]
public class ParserBenchmarks
{
    private readonly string[] _phrasings =
    [
        "январь -\nмарт", "", "июнь", "июнь – август", "согласно графику проведения НОКО",
        "в течение 10 дней со дня поступления информации о результатах НОКО", "в течение 3 дней после рассмотрения результатов НОКО",
        "в течение года", "ноябрь - декабрь", "постоянно", "ежегодно, 1 раз в квартал", "II квартал", "до 20 октября 2013 г.",
        "1.04.2018-20.04.2018", "первая декада марта", "2020-2021 уч. г.", "ежеквартально до 5 числа месяца, следующего за отчетным",
    ];

    private readonly byte[] _plan = File.ReadAllBytes(Path.Combine(ParserScenario.RepoRoot(), "config", "plans", "desnogorsk-2020.txt"));

    /// <summary>One call per phrasing: the figures are per parse.</summary>
    [Benchmark(OperationsPerInvoke = 17)]
    public int DeadlineParse()
    {
        var kinds = 0;
        foreach (var phrasing in _phrasings) kinds += RussianDeadlineParser.Parse(phrasing, 2020).GetHashCode() & 1;
        return kinds;
    }

    [Benchmark]
    public int ImportDesnogorskPlan() => PlanFileReader.Read(_plan, "desnogorsk-2020.txt", 2020).Import.Items.Count;
}

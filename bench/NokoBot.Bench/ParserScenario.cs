using System.Diagnostics;
using NokoBot.Domain.Deadlines;
using NokoBot.Plans;

namespace NokoBot.Bench;

/// <summary>The deadline parser and the plan importer: time per call and bytes allocated per call.</summary>
internal static class ParserScenario
{
    private static readonly string[] Phrasings =
    [
        "январь -\nмарт", "", "июнь", "июнь – август", "согласно графику проведения НОКО",
        "в течение 10 дней со дня поступления информации о результатах НОКО", "в течение 3 дней после рассмотрения результатов НОКО",
        "в течение года", "ноябрь - декабрь", "постоянно", "ежегодно, 1 раз в квартал", "II квартал", "до 20 октября 2013 г.",
        "1.04.2018-20.04.2018", "первая декада марта", "2020-2021 уч. г.", "ежеквартально до 5 числа месяца, следующего за отчетным",
    ];

    public static Task RunAsync()
    {
        const int rounds = 20_000;
        foreach (var p in Phrasings) RussianDeadlineParser.Parse(p, 2020); // warm-up
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
            foreach (var p in Phrasings) RussianDeadlineParser.Parse(p, 2020);
        watch.Stop();
        var calls = (double)rounds * Phrasings.Length;
        Report.Line("parser.deadline", watch.Elapsed.TotalNanoseconds / calls, "ns/op");
        Report.Line("parser.deadline.alloc", (GC.GetAllocatedBytesForCurrentThread() - allocated) / calls, "bytes/op");

        var plan = File.ReadAllBytes(Path.Combine(RepoRoot(), "config", "plans", "desnogorsk-2020.txt"));
        PlanFileReader.Read(plan, "desnogorsk-2020.txt", 2020);
        const int imports = 500;
        allocated = GC.GetAllocatedBytesForCurrentThread();
        watch.Restart();
        for (var i = 0; i < imports; i++) PlanFileReader.Read(plan, "desnogorsk-2020.txt", 2020);
        watch.Stop();
        Report.Line("parser.import.desnogorsk", watch.Elapsed.TotalMicroseconds / imports, "µs/op");
        Report.Line("parser.import.desnogorsk.alloc", (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)imports, "bytes/op");
        return Task.CompletedTask;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NokoBot.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

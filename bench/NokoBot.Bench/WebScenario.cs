using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NokoBot.Domain.Councils;
using NokoBot.Domain.Deadlines;
using NokoBot.Domain.Plans;
using NokoBot.Storage;
using NokoBot.Web;

namespace NokoBot.Bench;

/// <summary>
/// The council's year page under <c>nokobot run</c>: a secretary signed in over HTTP asks for the year page of a
/// 50-item council, 1 000 times in a row, with NOKOBOT_BENCH_COUNCILS (default 10 000) councils in the database.
/// Reports the latency percentiles; the goal is p99 ≤ 50 ms.
/// </summary>
internal static partial class WebScenario
{
    private const int Requests = 1_000;

    public static async Task RunAsync()
    {
        var councils = int.TryParse(Environment.GetEnvironmentVariable("NOKOBOT_BENCH_COUNCILS"), CultureInfo.InvariantCulture, out var n) ? n : 10_000;
        var folder = Directory.CreateTempSubdirectory("nokobot-bench-web-");
        try
        {
            var time = TimeProvider.System;
            var path = Path.Combine(folder.FullName, "nokobot.db");
            var target = await SeedAsync(path, time, councils);

            using var host = BenchHost.CreateBuilder(path, time, new Dictionary<string, string?>
            {
                ["Calendar:Path"] = Path.Combine(ParserScenario.RepoRoot(), "config", "calendar", "ru.txt"),
            }, service: true).Build();
            await host.StartAsync();
            var baseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
            var link = new Uri(await host.Services.GetRequiredService<WebLinks>().SignInAsync(target.Id, null, MemberRole.Secretary, CancellationToken.None)).PathAndQuery;
            var signInPage = await client.GetStringAsync(link);
            var token = AntiforgeryField().Match(signInPage);
            using var signedIn = await client.PostAsync(link, new FormUrlEncodedContent([new("_af", WebUtility.HtmlDecode(token.Groups["value"].Value))]));
            if (signedIn.StatusCode != HttpStatusCode.SeeOther) throw new InvalidOperationException($"sign-in answered {signedIn.StatusCode}");

            var page = "/c/" + target.Slug;
            for (var i = 0; i < 50; i++) await GetAsync(client, page);
            var latencies = new double[Requests];
            var bytes = 0;
            for (var i = 0; i < Requests; i++)
            {
                var started = Stopwatch.GetTimestamp();
                bytes = await GetAsync(client, page);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
            await host.StopAsync();

            Array.Sort(latencies);
            Report.Line($"web.year_page.p50.{councils}councils", Percentile(latencies, 0.50), "ms");
            Report.Line($"web.year_page.p99.{councils}councils", Percentile(latencies, 0.99), "ms", goal: 50);
            Report.Line($"web.year_page.max.{councils}councils", latencies[^1], "ms");
            Report.Line("web.year_page.bytes", bytes, "bytes (50 items)");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The councils, each with a 50-item plan and a secretary, written through the CLI's composition root.</summary>
    private static async Task<Council> SeedAsync(string path, TimeProvider time, int councils)
    {
        using var setup = BenchHost.Build(path, time);
        await setup.Get<MigrationRunner>().ApplyAsync(CancellationToken.None);
        string[] phrasings = ["январь - март", "", "июнь", "июнь – август", "в течение 10 дней со дня поступления информации о результатах НОКО", "декабрь", "постоянно", "II квартал"];
        var items = Enumerable.Range(1, 50).Select(i =>
        {
            var text = phrasings[i % phrasings.Length];
            return new PlanItem(i.ToString(CultureInfo.InvariantCulture), null, $"Мероприятие {i}", ["Общественный совет", "Комитет по образованию"],
                text, RussianDeadlineParser.Parse(text, 2026), "протокол заседания");
        }).ToList();
        var store = setup.Get<CouncilStore>();
        Council? target = null;
        for (var c = 0; c < councils; c++)
        {
            var council = (await store.AddAsync($"c{c}", $"Совет {c}", "Europe/Moscow", CancellationToken.None))!;
            await setup.Get<PlanStore>().ImportAsync(council.Id, 2026, "plan.txt", "sha", new PlanImport(items, []), CancellationToken.None);
            await setup.Get<MemberDirectory>().AddAsync(council.Id, "Секретарь", MemberRole.Secretary, 10_000_000 + c, null, [], CancellationToken.None);
            if (c == councils / 2) target = council;
        }
        return target!;
    }

    private static async Task<int> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{path} answered {response.StatusCode}");
        return body.Length;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    [GeneratedRegex("name=\"_af\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

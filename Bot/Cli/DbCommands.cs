using System.CommandLine;
using NokoBot.Storage;
using NokoBot.Texts;

namespace NokoBot.Cli;

internal static class DbCommands
{
    public static Command Build(CliContextFactory contexts)
    {
        var migrate = new Command("migrate", "Create the database or bring its schema up to date");
        migrate.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var database = context.Get<Database>();
            var applied = await context.Get<MigrationRunner>().ApplyAsync(ct);
            foreach (var m in applied) await context.Out.WriteLineAsync(DbCliTexts.MigrationApplied(m.Name));
            await context.Out.WriteLineAsync(applied.Count == 0
                ? DbCliTexts.SchemaCurrent(database.Location)
                : DbCliTexts.Migrated(database.Location, applied.Count));
            return NokoBotCli.Ok;
        });
        var file = new Argument<string>("file") { Description = "Where to write the copy (must not exist)" };
        var backup = new Command("backup", "Copy the database while the service runs (SQLite online backup; on PostgreSQL, shows the pg_dump command)") { file };
        backup.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            if (context.Get<Database>() is PostgresDatabase postgres)
                return await context.RefuseAsync(DbCliTexts.BackupIsPgDump(DatabaseMaintenance.PgDumpCommand(postgres, parse.GetValue(file)!)));
            var database = await context.OpenDatabaseAsync(ct);
            try
            {
                await context.Get<DatabaseMaintenance>().BackupAsync(parse.GetValue(file)!, ct);
            }
            catch (IOException e)
            {
                return await context.RefuseAsync(DbCliTexts.BackupFailed(e.Message));
            }
            await context.Out.WriteLineAsync(DbCliTexts.BackupWritten(database.Location, Path.GetFullPath(parse.GetValue(file)!)));
            return NokoBotCli.Ok;
        });

        var check = new Command("check", "Check the database's integrity and the delivery ledger's consistency; exit 1 when something is wrong");
        check.SetAction(async (parse, ct) =>
        {
            using var context = contexts.Create(parse);
            var database = await context.OpenDatabaseAsync(ct);
            var report = await context.Get<DatabaseMaintenance>().CheckAsync(TimeSpan.FromDays(1), ct);
            if (database.Provider == StorageProvider.Postgres)
            {
                await context.Out.WriteLineAsync(DbCliTexts.PostgresConnected(database.Location));
                await context.Out.WriteLineAsync(DbCliTexts.Schema(report.SchemaVersion, report.LatestVersion));
            }
            else await context.Out.WriteLineAsync(DbCliTexts.Integrity(report.Integrity));
            await context.Out.WriteLineAsync(DbCliTexts.Counts(report.Councils, report.Items, report.Replies));
            await context.Out.WriteLineAsync(DbCliTexts.Deliveries(report.Sent, report.Pending, report.StalePending, report.Failed, report.Skipped));
            if (report.SentWithoutTime > 0) await context.Out.WriteLineAsync(DbCliTexts.SentWithoutTime(report.SentWithoutTime));
            if (report.OrphanReplies > 0) await context.Out.WriteLineAsync(DbCliTexts.OrphanReplies(report.OrphanReplies));
            await context.Out.WriteLineAsync(report.Healthy ? DbCliTexts.Healthy : DbCliTexts.Unhealthy);
            return report.Healthy ? NokoBotCli.Ok : NokoBotCli.Refused;
        });
        return new Command("db", "Database maintenance") { migrate, backup, check };
    }
}

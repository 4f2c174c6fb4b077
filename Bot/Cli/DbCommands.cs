using System.CommandLine;
using NokoBot.Storage;

namespace NokoBot.Cli;

internal static class DbCommands
{
    public static Command Build(CliContextFactory contexts)
    {
        var migrate = new Command("migrate", "Create the database or bring its schema up to date");
        migrate.SetAction(async (parse, ct) =>
        {
            var context = contexts.Create(parse);
            var database = new SqliteDatabase(context.DbPath);
            var applied = await new MigrationRunner(database, context.Time).ApplyAsync(ct);
            foreach (var m in applied) await context.Out.WriteLineAsync($"Применена миграция {m.Name}");
            await context.Out.WriteLineAsync(applied.Count == 0
                ? $"Схема базы {database.FilePath} актуальна."
                : $"База {database.FilePath} обновлена: миграций применено {applied.Count}.");
            return NokoBotCli.Ok;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}

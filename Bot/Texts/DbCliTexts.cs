namespace NokoBot.Texts;

/// <summary>What <c>nokobot db migrate|backup|check</c> says.</summary>
public static class DbCliTexts
{
    public static string MigrationApplied(string name) => $"Применена миграция {name}";

    public static string SchemaCurrent(string path) => $"Схема базы {path} актуальна.";

    public static string Migrated(string path, int count) => $"База {path} обновлена: миграций применено {count}.";

    public static string BackupFailed(string reason) => $"Резервная копия не создана: {reason}";

    public static string BackupWritten(string database, string copy) => $"Резервная копия базы {database} записана в {copy}.";

    public static string BackupIsPgDump(string command) =>
        $"База в PostgreSQL: её резервную копию делает pg_dump, а не nokobot. Выполните (пароль pg_dump спросит сам или возьмёт из PGPASSWORD или ~/.pgpass):\n{command}";

    // The check
    public static string PostgresConnected(string location) =>
        $"{location}: соединение есть. Целостность страниц PostgreSQL проверяет сам; здесь проверены схема и журнал доставок.";

    public static string Schema(long? version, int latest) => version == latest
        ? $"Схема: версия {version}, актуальна."
        : $"Схема: версия {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}, эта версия NokoBot ждёт {latest}.";

    public static string Integrity(string result) => $"Целостность SQLite: {result}";

    public static string Counts(long councils, long items, long replies) => $"Советов: {councils}, пунктов: {items}, ответов: {replies}.";

    public static string Deliveries(long sent, long pending, long stalePending, long failed, long skipped) =>
        $"Доставки: отправлено {sent}, ждут {pending} (дольше суток: {stalePending}), ошибок {failed}, пропущено {skipped}.";

    public static string SentWithoutTime(long count) => $"Ошибка журнала доставок: отмечено отправленными без времени — {count}.";

    public static string OrphanReplies(long count) => $"Ошибка: ответов без пункта плана — {count}.";

    public const string Healthy = "База в порядке.";
    public const string Unhealthy = "Найдены ошибки.";
}

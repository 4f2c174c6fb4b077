namespace NokoBot.Texts;

/// <summary>Why a plan file is refused (Russian): the secretary reads these from <c>plan import</c> and <c>simulate</c>.</summary>
public static class PlanTexts
{
    public static string FileNotFound(string path) => $"Файл не найден: {path}";

    /// <param name="size">The file's size in bytes, when known before reading it.</param>
    public static string FileTooLarge(string fileName, long maxBytes, long? size = null) =>
        $"Файл {fileName} слишком большой{(size is { } s ? $" ({s / 1024 / 1024} МБ)" : "")}: план не может быть больше {maxBytes / 1024 / 1024} МБ.";

    public static string Unreadable(string fileName, string reason) => $"Не удалось прочитать файл {fileName}: {reason}";

    public static string Empty(string fileName) => $"Файл {fileName} пуст.";

    public static string NotText(string fileName) =>
        $"Файл {fileName} не является текстовым планом: сохраните план из Word как .docx или как обычный текст.";

    public const string DocxWithoutText = "В документе Word нет текста.";

    public const string DocxWithoutTable = "В документе нет таблицы плана.";

    public const string NotDocx = "Файл повреждён или не является документом Word (.docx).";

    public static string DocxTooWide(int maxColumns) =>
        $"Таблица в документе Word повреждена: ячейка объединяет больше {maxColumns} колонок, в Word столько не бывает.";
}

namespace NokoBot.Texts;

/// <summary>
/// The plan upload on the council's pages: the form, its refusals. The preview and the outcomes are the chat's own
/// words (<see cref="DeskTexts"/>).
/// </summary>
public static class WebDeskTexts
{
    public const string UploadTitle = "Загрузка плана";

    public const string UploadLink = "Загрузить план из файла";

    public static string UploadExplain(long maxBytes) =>
        $"Файл плана .docx или .txt до {maxBytes / 1024 / 1024} МБ — как для загрузки в чате. Сначала вы увидите, как план прочитан; "
        + "сохранится он только после кнопки «Импортировать».";

    public const string FileLabel = "Файл плана";

    public const string YearLabel = "Год плана (если не указан — из имени файла, иначе текущий)";

    public const string UploadButton = "Показать предпросмотр";

    public const string PreviewTitle = "Предпросмотр плана";

    public const string NoFile = "Выберите файл плана (.docx или .txt). Ничего не изменено.";

    public static string WrongType(string fileName) => $"«{fileName}» — не файл плана: подойдут .docx и .txt. Ничего не изменено.";

    public static string BadYear(string text) => $"«{text}» — не год: укажите год плана, например 2021. Ничего не изменено.";

    public const string BackToYear = "К плану совета";
}

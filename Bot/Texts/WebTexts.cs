using System.Globalization;
using NokoBot.Domain.Councils;

namespace NokoBot.Texts;

/// <summary>The council pages' frame: navigation, signing in and out, error pages, settings (plain text; the web escapes it).</summary>
public static class WebTexts
{
    public const string Product = "NokoBot";
    public const string Footer = "NokoBot — напоминания по плану независимой оценки качества (НОКО)";

    // Navigation

    public const string NavYear = "План на год";
    public const string NavTimeline = "График";
    public const string NavMeetings = "Заседания";
    public const string NavMembers = "Участники";
    public const string NavCalendar = "Календарь";
    public const string NavSettings = "Настройки";
    public const string SignOut = "Выйти";
    public const string MainNavigation = "Разделы";

    public static string SignedInAs(string name, MemberRole role) => $"{name} · {ChatTexts.RoleName(role)}";

    public const string Administrator = "администратор";

    // Signing in

    public const string LandingTitle = "Страницы общественных советов";
    public const string LandingLead = "Страница совета открывается по ссылке из чата: напишите боту /web, и он пришлёт ссылку для входа.";

    public const string SignInTitle = "Вход";

    public static string SignInLead(string council) => $"Вход на страницу совета «{council}».";

    public const string SignInExplain =
        "Нажмите «Войти», чтобы открыть страницу совета в этом браузере. Вход сохранится на 30 дней; выйти на всех устройствах — командой /web logout в чате с ботом.";

    public const string SignInButton = "Войти";

    public const string LinkInvalidTitle = "Ссылка для входа недействительна";

    public const string LinkInvalid =
        "Она уже использована, или истёк её срок (10 минут). Напишите боту /web — он пришлёт новую.";

    public const string SignedOut = "Вы вышли. Чтобы войти снова, напишите боту /web.";

    // Errors

    public const string NotFoundTitle = "Страница не найдена";

    public const string NotFound =
        "Такой страницы нет, или она вам недоступна. Если вы участник совета, войдите по ссылке: напишите боту /web.";

    public const string ErrorTitle = "Что-то пошло не так";
    public const string Error = "Ошибка записана, мы разберёмся. Попробуйте ещё раз чуть позже.";

    public const string FormExpiredTitle = "Форма устарела";
    public const string FormExpired = "Обновите страницу и отправьте форму ещё раз.";

    public const string TooManyTitle = "Слишком много попыток";
    public const string TooMany = "Подождите минуту и попробуйте снова.";

    public const string BadRequestTitle = "Запрос не понят";
    public const string BadRequest = "Проверьте адрес страницы или вернитесь на главную страницу совета.";

    public const string BackToCouncil = "На страницу совета";

    // Settings

    public const string SettingsTitle = "Настройки совета";
    public const string PublicPageHeading = "Публичная страница";

    public const string PublicPageExplain =
        "Пункты плана и их состояние — без имён людей и без файлов. На неё можно поставить ссылку с сайта совета.";

    public static string PublicPageState(bool on) => on ? "Сейчас: включена." : "Сейчас: выключена.";

    public const string PublicPageOn = "Включить";
    public const string PublicPageOff = "Выключить";
    public const string PublicPageLink = "Адрес публичной страницы:";

    // Calendar

    public const string CalendarTitle = "Календарь";

    public const string CalendarExplain =
        "Добавьте ссылку в свой календарь как подписку (Google Календарь: «Добавить по URL»; Яндекс Календарь: «Подписаться»; iPhone: «Добавить подписной календарь»). Там появятся сроки открытых пунктов и заседания; выполненные пункты исчезнут сами.";

    public const string CalendarPrivate = "Ссылка личная: по ней календарь открывается без входа. Если она попала к посторонним, сделайте новую.";
    public const string CalendarMine = "Мои сроки и заседания";
    public const string CalendarCouncil = "Весь план совета";
    public const string CalendarRenew = "Новая ссылка";
    public const string CalendarRevoke = "Отключить ссылку";
    public const string CalendarOff = "Ссылка отключена.";
    public const string CalendarCreate = "Создать ссылку";

    // Notices after an action

    public const string Saved = "Сохранено.";
    public const string PublicPageSwitched = "Настройка сохранена.";
    public const string CalendarRenewed = "Готово: старая ссылка больше не работает.";

    public static string Date(DateOnly date) => DeadlineTexts.Date(date);

    public static string DateTime(DateTime local) => local.ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture);
}

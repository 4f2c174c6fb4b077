using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using NokoBot.Texts;

namespace NokoBot.Web;

/// <summary>Russian pages for every error, never a stack trace (the exception handler logs it).</summary>
public static class ErrorPages
{
    public static Task ServerErrorAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context.Response, StatusCodes.Status500InternalServerError, WebTexts.ErrorTitle, WebTexts.Error);
    }

    /// <summary>An error answered without a page of its own (no such address, a method not allowed): its page.</summary>
    public static Task StatusPageAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var (title, text) = response.StatusCode switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => (WebTexts.NotFoundTitle, WebTexts.NotFound),
            StatusCodes.Status429TooManyRequests => (WebTexts.TooManyTitle, WebTexts.TooMany),
            >= 500 => (WebTexts.ErrorTitle, WebTexts.Error),
            _ => (WebTexts.BadRequestTitle, WebTexts.BadRequest),
        };
        return WriteAsync(response, response.StatusCode, title, text);
    }

    public static async Task WriteAsync(HttpResponse response, int status, string title, string text)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(Layout.Message(title, text, ("/", WebTexts.Product)), response.HttpContext.RequestAborted);
    }
}

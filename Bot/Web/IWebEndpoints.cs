using Microsoft.AspNetCore.Routing;

namespace NokoBot.Web;

/// <summary>
/// Endpoints another folder serves on the pages' Kestrel (Telegram's webhook): registered in the container and mapped
/// by <see cref="WebPipeline"/>, so the web needs to know nothing of them and no two folders use each other.
/// </summary>
public interface IWebEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}

using System.Runtime.CompilerServices;

namespace NokoBot.Tests.Support;

/// <summary>What every service a test starts shares, set once when the test assembly loads.</summary>
internal static class TestEnvironment
{
    /// <summary>
    /// Every <c>nokobot run</c> a test starts — in this process or as a child process, which inherits the
    /// environment — serves its pages on a free port of its own, never the default 8080 that parallel tests would
    /// fight over. A test that drives the pages reads the address back (<c>WebRig</c>).
    /// </summary>
    [ModuleInitializer]
    internal static void FreePortForThePages() => Environment.SetEnvironmentVariable("Web__Urls", "http://127.0.0.1:0");
}

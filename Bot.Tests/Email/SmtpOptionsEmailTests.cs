using NokoBot.Email;

namespace NokoBot.Tests.Email;

public sealed class SmtpOptionsEmailTests
{
    [Fact]
    public void Every_problem_is_listed_by_its_environment_variable()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions { Enabled = true, Port = 0, User = "bot", From = "not an address" });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("Smtp__Host", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Smtp__Port", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Smtp__From", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Smtp__Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabled_email_needs_no_settings_and_the_password_is_never_printed()
    {
        Assert.True(new SmtpOptionsValidator().Validate(null, new SmtpOptions()).Succeeded);
        var options = new SmtpOptions { Host = "smtp.example.org", User = "bot", Password = "s3cret", From = "noko@example.org" };
        Assert.DoesNotContain("s3cret", options.ToString(), StringComparison.Ordinal);
    }
}

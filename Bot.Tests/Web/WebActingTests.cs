using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using NokoBot.Domain.Replies;
using NokoBot.Texts;

namespace NokoBot.Tests.Web;

/// <summary>
/// Acting on the web is acting through the reply service: the chat's rules (a member on their party's items, the
/// secretary on all; dates for the secretary only), its history, its words.
/// </summary>
public sealed partial class WebActingTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private WebRig _rig = null!;

    public async ValueTask InitializeAsync() => _rig = await WebRig.StartAsync(_ct);

    public ValueTask DisposeAsync() => _rig.DisposeAsync();

    /// <summary>Posts the form at <paramref name="action"/> of the item's page, follows the 303, returns the notice shown.</summary>
    private async Task<string> PostAsync(HttpClient client, string item, string action, params (string, string)[] fields)
    {
        var path = "/c/desnogorsk/items/" + item;
        using var posted = await client.PostAsync(path + "/" + action, WebRig.Form(await client.GetStringAsync(path, _ct), fields), _ct);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(path, posted.Headers.Location!.OriginalString);
        return WebUtility.HtmlDecode(Notice().Match(await client.GetStringAsync(path, _ct)).Groups["text"].Value);
    }

    [Fact]
    public async Task A_member_marks_their_partys_item_done_with_a_comment_and_it_is_in_the_history_like_a_chat_reply()
    {
        using var member = await _rig.SignedInClientAsync(WebRig.Member, _ct);

        var notice = await PostAsync(member, "5", "done", ("party", "Комитет по образованию"), ("comment", "оператор выбран <b>"));

        Assert.Equal(ReplyTexts.Done("5", "Проведение торгов", new ReplyDecision.Accepted([], ["Комитет по образованию"], ClosesItem: true)), notice);
        await using var connection = await _rig.Telegram.Db.Database.OpenAsync(_ct);
        var reply = await connection.QuerySingleAsync<(string Kind, string Party, string Comment, long MemberId)>(
            "SELECT r.kind, p.name, r.comment, r.member_id FROM replies r JOIN parties p ON p.id = r.party_id WHERE r.item_id = @id",
            new { id = await _rig.Telegram.ItemIdAsync("5") });
        Assert.Equal(("done", "Комитет по образованию", "оператор выбран <b>"), (reply.Kind, reply.Party, reply.Comment));
        Assert.Equal(await _rig.Telegram.MemberIdAsync(WebRig.Member), reply.MemberId);
        var page = await member.GetStringAsync("/c/desnogorsk/items/5", _ct);
        Assert.Contains("оператор выбран &lt;b&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_not_set_a_date_nor_close_another_partys_item_and_is_told_why_in_the_chats_words()
    {
        using var member = await _rig.SignedInClientAsync(WebRig.Member, _ct);

        Assert.Equal(ChatTexts.AdminOnly, await PostAsync(member, "5", "due", ("date", "2020-07-15")));
        Assert.Equal(ReplyTexts.Refusal(new ReplyRefusal.NotYours("8", ["Общественный совет"])), await PostAsync(member, "8", "done", ("party", "Общественный совет")));
        Assert.Equal(0, await _rig.Telegram.CountAsync("SELECT COUNT(*) FROM replies"));
        Assert.Equal(0, await _rig.Telegram.CountAsync("SELECT COUNT(*) FROM plan_items WHERE due_override IS NOT NULL"));
        Assert.DoesNotContain("/due\"", await member.GetStringAsync("/c/desnogorsk/items/5", _ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/c/desnogorsk/members", _ct)).StatusCode);
    }

    [Fact]
    public async Task The_secretary_postpones_into_the_past_and_is_refused_then_records_an_event()
    {
        using var secretary = await _rig.SignedInClientAsync(WebRig.Secretary, _ct);

        var refused = await PostAsync(secretary, "4", "postpone", ("date", "2020-01-10"), ("reason", "ошибка"));
        Assert.Equal(ReplyTexts.Refusal(new ReplyRefusal.PastDate(new DateOnly(2020, 1, 10))), refused);
        Assert.Equal(WebPlanTexts.BadDate, await PostAsync(secretary, "4", "postpone", ("date", "вчера")));
        Assert.Equal(0, await _rig.Telegram.CountAsync("SELECT COUNT(*) FROM replies"));

        using var members = await secretary.GetAsync("/c/desnogorsk/members", _ct);
        Assert.Equal(HttpStatusCode.OK, members.StatusCode);
        Assert.Contains(WebRig.MemberName, await members.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("<p class=\"notice[^\"]*\" role=\"status\">(?<text>[^<]*)</p>")]
    private static partial Regex Notice();
}

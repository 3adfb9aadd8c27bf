using OrgRestructure.Server.Features.Shared;

namespace OrgRestructure.Server.Tests.Features.Shared;

public sealed class IdempotencyResponsesTests
{
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7));

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static StoredResponse Answer(string body) => new("fp-" + body, 201, "application/json", System.Text.Encoding.UTF8.GetBytes(body));

    [Fact]
    public void a_kept_answer_is_found_until_its_retention_has_passed()
    {
        var clock = new Clock();
        var responses = new IdempotencyResponses(clock);
        responses.Keep("duyxuyen.thuongvu\nkey-1", Answer("case"));

        clock.Now += IdempotencyResponses.Retention - TimeSpan.FromMinutes(1);
        Assert.Equal("fp-case", responses.Find("duyxuyen.thuongvu\nkey-1")?.Fingerprint);

        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Null(responses.Find("duyxuyen.thuongvu\nkey-1"));
        Assert.Equal(0, responses.Count);
    }

    [Fact]
    public void beyond_capacity_the_oldest_answers_go_first()
    {
        var clock = new Clock();
        var responses = new IdempotencyResponses(clock, capacity: 3);
        foreach (var i in Enumerable.Range(1, 5))
        {
            responses.Keep($"u\nkey-{i}", Answer(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            clock.Now += TimeSpan.FromSeconds(1);
        }

        Assert.Equal(3, responses.Count);
        Assert.Null(responses.Find("u\nkey-1"));
        Assert.Null(responses.Find("u\nkey-2"));
        Assert.Equal("fp-5", responses.Find("u\nkey-5")?.Fingerprint);
    }

    [Fact]
    public void keeping_the_same_key_again_replaces_the_answer_without_growing()
    {
        var responses = new IdempotencyResponses(new Clock());
        responses.Keep("u\nk", Answer("first"));
        responses.Keep("u\nk", Answer("second"));

        Assert.Equal(1, responses.Count);
        Assert.Equal("fp-second", responses.Find("u\nk")?.Fingerprint);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.Messaging.Notifications;
using OrgRestructure.Server.Features.Auth;
using OrgRestructure.Server.Tests.Infrastructure;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Notifications;

/// <summary>
/// Who hears of steps 2, 3, 5 and 6 of Duy Xuyên's real case, per new committee, from the case's
/// data: its slate, its source organizations (named from the imported survey) and the decision.
/// </summary>
public sealed class CaseRecipientsTests
{
    private const string AnAccount = "duyxuyen.nguyenvanan";

    [Fact]
    public async Task steps_2_3_5_and_6_reach_exactly_the_committee_members_cell_leaders_and_appointees_the_case_names()
    {
        await using var host = await ServerHost.StartAsync();
        // One candidate has an account (a reviewer of the district); the others are known only to the case.
        await host.Services.GetRequiredService<UserDirectory>().AddAsync(new Caller(AnAccount, "Nguyễn Văn An", Role.Reviewer, "Quảng Nam", Scenario.District), ServerHost.Password);
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        foreach (var step in Scenario.Steps)
        {
            await Scenario.CompleteAsync(host, caseId, step, Scenario.FormFor(step, Scenario.Slate));
        }

        var expected = await ExpectedAsync(host, caseId);
        var feed = host.Services.GetRequiredService<INotificationFeed>();
        IReadOnlyList<FeedItem> items = [];
        await Eventually.UntilAsync(
            async () => expected.Keys.All((items = await feed.GetCaseNotificationsAsync(caseId)).Select(i => i.SourceEventId).ToHashSet().Contains),
            () => $"notifications of {expected.Count} events (have {items.Count} entries)");

        foreach (var (eventId, (what, recipients)) in expected)
        {
            var actual = items.Where(i => i.SourceEventId == eventId).Select(i => i.Recipient).Order(StringComparer.Ordinal).ToList();
            Assert.True(recipients.Order(StringComparer.Ordinal).SequenceEqual(actual), $"{what}: expected [{string.Join(", ", recipients.Order(StringComparer.Ordinal))}] got [{string.Join(", ", actual)}]");
        }

        var organization = SurveyOrganizationNames().First();
        Assert.Contains(items, i => i.Recipient == $"org:{organization.Key}:members" && i.Body.Contains($"Kính gửi các đồng chí đảng viên {organization.Value},", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Recipient == $"org:{organization.Key}:committee" && i.Step == 3 && i.Body.Contains($"Kính gửi các đồng chí cấp ủy {organization.Value},", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Recipient.EndsWith(":Trần Thị Bình", StringComparison.Ordinal) && i.Step == 5 && i.Body.Contains("Kính gửi đồng chí Trần Thị Bình,", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Recipient == AnAccount && i.Step == 6);
    }

    /// <summary>Per event of the four steps: the recipients the case's committee data calls for, worked out here from the stored events.</summary>
    private static async Task<Dictionary<Guid, (string What, HashSet<string> Recipients)>> ExpectedAsync(ServerHost host, string caseId)
    {
        var committees = new Dictionary<string, (string Id, string[] Organizations)>(StringComparer.Ordinal);
        var expected = new Dictionary<Guid, (string, HashSet<string>)>();
        foreach (var e in await host.Store.ReadStreamAsync(caseId, null))
        {
            var data = JsonNode.Parse(e.Data)!.AsObject();
            if (e.Type == "branch-started")
            {
                var item = data["item"]!.AsObject();
                committees[data["branchId"]!.GetValue<string>()] = (item["id"]!.GetValue<string>(), [.. item["organizations"]!.AsArray().Select(o => o!.GetValue<string>())]);
                continue;
            }

            var step = data["stepId"]?.GetValue<string>();
            if (data["branchId"]?.GetValue<string>() is not { } branch || !committees.TryGetValue(branch, out var committee))
            {
                continue;
            }

            HashSet<string> People() => [AnAccount, .. Scenario.Slate.Skip(1).Select(n => $"person:{committee.Id}:{n}")];
            HashSet<string> Organizations(string body) => [.. committee.Organizations.Select(o => $"org:{o}:{body}")];
            HashSet<string>? recipients = (e.Type, step) switch
            {
                ("notification-requested", "invite-members" or "notify-announced") => [.. People(), .. Organizations("members")],
                ("step-started", "bloc-vote") => Organizations("committee"),
                ("step-started", "decision") => People(),
                _ => null,
            };
            if (recipients is not null)
            {
                expected[e.EventId] = ($"{committee.Id} {e.Type} {step}", recipients);
            }
        }

        Assert.Equal(4 * committees.Count, expected.Count);
        return expected;
    }

    private static Dictionary<string, string> SurveyOrganizationNames()
    {
        using var survey = JsonDocument.Parse(File.ReadAllText(RepoPaths.Survey));
        return survey.RootElement.GetProperty("districts").EnumerateArray()
            .Where(d => d.GetProperty("district").GetString() == Scenario.District)
            .SelectMany(d => d.GetProperty("blocs").EnumerateArray())
            .SelectMany(b => b.GetProperty("organizations").EnumerateArray())
            .ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("name").GetString()!);
    }
}

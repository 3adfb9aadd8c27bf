using OrgRestructure.Workflows.Runtime;
using OrgRestructure.Workflows.Tests.Support;

namespace OrgRestructure.Workflows.Tests.Activities;

/// <summary>Dates in the steps' order: conferences after the slate, decision after vetting, ceremony after the decision, first meeting after the ceremony.</summary>
public sealed class DateOrderCheckTests
{
    private static readonly string[] Slate = FormationDriver.Slate;

    private static async Task<FormationCase> AtAnnouncementAsync()
    {
        var c = await FormationCase.StartAsync();
        await c.Driver.ThroughVettingAsync(c.BranchId);
        await c.CompleteAsync("decision", FormData.Decision("20-QĐ/HU", Slate));
        return c;
    }

    [Fact]
    public async Task a_ceremony_on_the_decisions_day_is_accepted()
    {
        var c = await AtAnnouncementAsync();
        var data = FormData.Announcement("20-QĐ/HU");
        data["ceremonyDate"] = FormData.DecisionDate;

        var state = await c.CompleteAsync("announcement", data);

        Assert.Contains("announcement", state.Branches[c.BranchId].CompletedSteps);
    }

    [Fact]
    public async Task a_ceremony_the_day_before_the_decision_is_refused_naming_both_dates()
    {
        var c = await AtAnnouncementAsync();
        var data = FormData.Announcement("20-QĐ/HU");
        data["ceremonyDate"] = "2014-10-14";
        var before = await c.VersionAsync();

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("announcement", data));

        Assert.Equal("date-out-of-order", ex.Code);
        Assert.Equal(422, ex.StatusHint);
        Assert.Contains("Ceremony date (14/10/2014) cannot be before the date of “Step 5: Standing committee decision” (15/10/2014)", ex.MessageEn, StringComparison.Ordinal);
        Assert.Contains("Ngày tổ chức lễ công bố (14/10/2014) không được trước", ex.MessageVi, StringComparison.Ordinal);
        Assert.Contains(ex.Problems, p => p.Field == "ceremonyDate");
        Assert.Equal(before, await c.VersionAsync());
    }

    [Fact]
    public async Task a_first_meeting_before_the_ceremony_is_refused()
    {
        var c = await AtAnnouncementAsync();
        await c.CompleteAsync("announcement", FormData.Announcement("20-QĐ/HU"));
        await c.CompleteAsync("inspection-election", FormData.Election(3, 3, 3, Slate.Select(n => (n, 3)), Slate[0]));
        var meeting = FormData.FirstMeeting();
        meeting["meetingDate"] = "2014-10-19";

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("first-meeting", meeting));

        Assert.Contains(ex.Problems, p => p.Field == "meetingDate" && p.En.Contains("(20/10/2014)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_decision_dated_before_vetting_is_refused()
    {
        var c = await FormationCase.StartAsync();
        await c.Driver.ThroughVettingAsync(c.BranchId);
        var decision = FormData.Decision("21-QĐ/HU", Slate);
        decision["date"] = "2014-09-24";

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("decision", decision));

        Assert.Contains(ex.Problems, p => p.Field == "date" && p.En.Contains("Vetting date", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("2014-09-01", false)]
    [InlineData(FormData.SlateDate, true)]
    public async Task a_conference_may_not_be_held_before_the_slate_was_set(string conferenceDate, bool accepted)
    {
        var c = await FormationCase.StartAsync();
        await c.CompleteAsync("slate", FormData.Slate(Slate));
        var vote = FormData.Vote(Slate, 45, 40, 31);
        vote["conferenceDate"] = conferenceDate;

        if (accepted)
        {
            var state = await c.CompleteAsync("members-vote", vote);
            Assert.Equal("bloc-vote", state.Branches[c.BranchId].CurrentStepId);
            return;
        }

        var ex = await Assert.ThrowsAsync<WorkflowRuleViolation>(() => c.CompleteAsync("members-vote", vote));
        Assert.Contains(ex.Problems, p => p.Field == "conferenceDate" && p.En.Contains("(02/09/2014)", StringComparison.Ordinal));
    }
}

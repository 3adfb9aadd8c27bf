using OrgRestructure.Domain.Personnel;

namespace OrgRestructure.Domain.Tests.Personnel;

public sealed class SlateRulesTests
{
    private static List<Candidate> People(int count, string prefix = "c") =>
        Enumerable.Range(1, count).Select(i => new Candidate($"{prefix}{i}", $"Ứng cử viên {prefix}{i}")).ToList();

    [Fact]
    public void well_formed_slate_has_no_problems()
    {
        var executive = People(10);
        var slate = new Slate("tam-ky-government", [
            new SlateEntry(Position.ExecutiveCommitteeMember, 9, executive),
            new SlateEntry(Position.StandingCommitteeMember, 3, executive.Take(4).ToList()),
            new SlateEntry(Position.Secretary, 1, executive.Take(1).ToList()),
        ]);

        Assert.Empty(SlateRules.Validate(slate));
    }

    [Fact]
    public void slate_problems_are_all_reported()
    {
        var executive = People(7);
        var slate = new Slate("x", [
            new SlateEntry(Position.ExecutiveCommitteeMember, 5, executive),
            new SlateEntry(Position.StandingCommitteeMember, 3, executive.Take(3).ToList()),
            new SlateEntry(Position.Secretary, 1, [new Candidate("outsider", "Người Ngoài")]),
        ]);

        var problems = SlateRules.Validate(slate);

        Assert.Equal(["surplus", "standing-committee-not-allowed", "not-on-executive-list"], problems.Select(p => p.Code));
        Assert.Equal("Người Ngoài", problems[^1].Subject);
    }

    [Fact]
    public void slate_without_executive_committee_is_refused()
    {
        var slate = new Slate("x", [new SlateEntry(Position.Secretary, 1, People(1))]);

        Assert.Contains(SlateRules.Validate(slate), p => p.Code == "executive-missing");
    }

    [Fact]
    public void duplicate_candidates_and_positions_are_refused()
    {
        var one = new Candidate("c1", "A");
        var slate = new Slate("x", [
            new SlateEntry(Position.ExecutiveCommitteeMember, 2, [one, one]),
            new SlateEntry(Position.ExecutiveCommitteeMember, 2, [one]),
        ]);

        var codes = SlateRules.Validate(slate).Select(p => p.Code).ToList();

        Assert.Contains("position-duplicated", codes);
        Assert.Contains("candidate-duplicated", codes);
    }

    [Fact]
    public void only_slate_candidates_and_conference_nominations_may_be_voted_on()
    {
        var slate = new Slate("x", [new SlateEntry(Position.ExecutiveCommitteeMember, 1, People(1))]);

        Assert.Null(SlateRules.CheckOnSlate(slate, new Candidate("c1", "A")));
        Assert.Null(SlateRules.CheckOnSlate(slate, new Candidate("n1", "B", NominatedAtConference: true)));
        Assert.Equal("not-on-slate", SlateRules.CheckOnSlate(slate, new Candidate("n2", "C"))!.Code);
    }
}

using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Tests.Rules;

public sealed class ConfidenceVoteRuleTests
{
    [Theory]
    [InlineData(22, 45, ConfidenceVerdict.Fails)]
    [InlineData(23, 45, ConfidenceVerdict.Passes)]
    [InlineData(19, 40, ConfidenceVerdict.Fails)]
    [InlineData(20, 40, ConfidenceVerdict.HeadDecides)]
    [InlineData(21, 40, ConfidenceVerdict.Passes)]
    public void candidate_passes_above_half_of_summoned_and_the_head_decides_at_exactly_half(int votes, int summoned, ConfidenceVerdict verdict)
    {
        Assert.Equal(verdict, ConfidenceVoteRule.Evaluate("Nguyễn Văn An", votes, summoned).Verdict);
    }

    [Fact]
    public void passing_candidate_is_explained_with_vietnamese_and_invariant_numbers()
    {
        var outcome = ConfidenceVoteRule.Evaluate("Nguyễn Văn An", 31, 45);

        Assert.True(outcome.Passed);
        Assert.Equal("Nguyễn Văn An: 31/45 người được triệu tập (68,9%) > 50% → đạt", outcome.Explanation.Vi);
        Assert.Equal("Nguyễn Văn An: 31 of 45 summoned (68.9%) > 50% → passes", outcome.Explanation.En);
    }

    [Fact]
    public void failing_and_tied_candidates_are_explained()
    {
        Assert.Equal("Trần Thị Bình: 19/40 người được triệu tập (47,5%) < 50% → không đạt", ConfidenceVoteRule.Evaluate("Trần Thị Bình", 19, 40).Explanation.Vi);
        Assert.Equal("Trần Thị Bình: 20 of 40 summoned (50.0%) = 50% → the head decides", ConfidenceVoteRule.Evaluate("Trần Thị Bình", 20, 40).Explanation.En);
    }

    [Fact]
    public void votes_count_high_and_normal_confidence_from_a_tally()
    {
        var outcome = ConfidenceVoteRule.Evaluate(new CandidateTally("Lê Văn Cường", 15, 8, 6, 1), 45);

        Assert.Equal(23, outcome.VotesInFavour);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void threshold_is_a_parameter()
    {
        var parameters = RuleParameters.Default with { ConfidencePassThreshold = new Ratio(60, 100) };

        Assert.Equal(ConfidenceVerdict.HeadDecides, ConfidenceVoteRule.Evaluate("A", 27, 45, parameters).Verdict);
        Assert.Equal(ConfidenceVerdict.Fails, ConfidenceVoteRule.Evaluate("A", 26, 45, parameters).Verdict);
        Assert.Contains("> 60%", ConfidenceVoteRule.Evaluate("A", 28, 45, parameters).Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void head_decision_settles_a_tie_and_is_recorded_in_the_explanation()
    {
        var tie = ConfidenceVoteRule.Evaluate("Nguyễn Văn An", 20, 40);

        var settled = ConfidenceVoteRule.RecordHeadDecision(tie, new HeadDecision("Bí thư Huyện ủy Phạm Văn Đức", true, "đủ tiêu chuẩn, cơ cấu cần"));

        Assert.True(settled.IsSuccess);
        Assert.True(settled.Value.Passed);
        Assert.Equal("Bí thư Huyện ủy Phạm Văn Đức", settled.Value.HeadDecision!.DecidedBy);
        Assert.Contains("quyết định đạt — lý do: đủ tiêu chuẩn", settled.Value.Explanation.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void head_decision_without_decider_or_reason_is_refused_with_both_problems()
    {
        var tie = ConfidenceVoteRule.Evaluate("Nguyễn Văn An", 20, 40);

        var result = ConfidenceVoteRule.RecordHeadDecision(tie, new HeadDecision(" ", false, ""));

        Assert.False(result.IsSuccess);
        Assert.Equal(["decided-by-missing", "reason-missing"], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public void head_cannot_overrule_a_clear_result()
    {
        var passed = ConfidenceVoteRule.Evaluate("Nguyễn Văn An", 31, 45);

        var result = ConfidenceVoteRule.RecordHeadDecision(passed, new HeadDecision("Bí thư", false, "lý do"));

        Assert.Equal("no-tie", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void more_votes_than_summoned_fail_with_a_problem()
    {
        var outcome = ConfidenceVoteRule.Evaluate("Nguyễn Văn An", 46, 45);

        Assert.False(outcome.Passed);
        Assert.Equal("Nguyễn Văn An", Assert.Single(outcome.Problems).Subject);
    }
}

namespace OrgRestructure.Domain.Rules;

/// <summary>
/// The party rules' thresholds. Defaults are those of domain.md; a workflow definition may
/// override any of them so a province can run its own variant without code changes.
/// </summary>
public sealed record RuleParameters
{
    public static RuleParameters Default { get; } = new();

    /// <summary>An organization needs at least this many full members (Charter Art. 21.2).</summary>
    public int MinimumFullMembers { get; init; } = 3;

    /// <summary>At or above this many members an organization is a grassroots committee (Charter Art. 21).</summary>
    public int GrassrootsCommitteeThreshold { get; init; } = 30;

    /// <summary>An executive committee of at least this size elects a standing committee (Art. 22.5).</summary>
    public int StandingCommitteeMinimumExecutiveSize { get; init; } = 9;

    /// <summary>Share of the summoned who must attend a confidence-vote conference (Reg. 96-QĐ/TW).</summary>
    public Ratio ConferenceQuorum { get; init; } = Ratio.TwoThirds;

    /// <summary>A candidate passes a confidence vote with more than this share of the summoned; exactly at it, the head decides.</summary>
    public Ratio ConfidencePassThreshold { get; init; } = new(50, 100);

    /// <summary>An election is won with more than this share of the summoned (Charter Art. 12.3).</summary>
    public Ratio ElectionThreshold { get; init; } = Ratio.Half;

    /// <summary>A resolution passes with more than this share of members less exclusions (Art. 9.5).</summary>
    public Ratio ResolutionThreshold { get; init; } = Ratio.Half;

    /// <summary>Candidates may exceed seats by at most this share of the seats, rounded down (190-QĐ/TW Art. 14).</summary>
    public Ratio MaximumSurplus { get; init; } = new(30, 100);

    /// <summary>Elections of up to this many seats use <see cref="SmallElectionMaximumSurplus"/> instead of the share.</summary>
    public int SmallElectionMaximumSeats { get; init; } = 5;

    /// <summary>
    /// At most this many extra candidates for small elections. The text names 3–5 seats; for 1–2
    /// seats 30% rounds down to 0, which would forbid any choice, so they get the same allowance.
    /// </summary>
    public int SmallElectionMaximumSurplus { get; init; } = 1;
}

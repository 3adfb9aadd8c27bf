namespace OrgRestructure.Domain.Personnel;

/// <summary>Seats for one position and the candidates for them.</summary>
public sealed record SlateEntry(Position Position, int Seats, IReadOnlyList<Candidate> Candidates);

/// <summary>The district standing committee's list of candidates for one committee to be formed (step 1).</summary>
public sealed record Slate(string CommitteeId, IReadOnlyList<SlateEntry> Entries)
{
    public SlateEntry? For(Position position) => Entries.FirstOrDefault(e => e.Position == position);

    public IEnumerable<Candidate> Candidates => Entries.SelectMany(e => e.Candidates).DistinctBy(c => c.Id);

    public bool Contains(string candidateId) => Entries.Any(e => e.Candidates.Any(c => c.Id == candidateId));
}

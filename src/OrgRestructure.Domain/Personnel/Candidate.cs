namespace OrgRestructure.Domain.Personnel;

/// <summary>A person proposed for a position. <paramref name="NominatedAtConference"/> marks step-3 nominations from outside the list.</summary>
public sealed record Candidate(string Id, string FullName, string? CurrentRole = null, bool NominatedAtConference = false);

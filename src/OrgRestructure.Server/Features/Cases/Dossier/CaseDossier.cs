using OrgRestructure.Workflows.Runtime;

namespace OrgRestructure.Server.Features.Cases.Dossier;

/// <summary>
/// The record of a case (hồ sơ) as a clerk and an auditor read it, as of <see cref="Version"/>:
/// per committee, what each step decided about whom — who stood, the tallies and their rule's
/// sentences, the vetting verdicts, overrides, the decision, the ceremony, the election.
/// <see cref="CaseSteps"/> are the steps outside any committee (e.g. a merger's proposal and review).
/// </summary>
public sealed record CaseDossier(
    string CaseId,
    LocalizedText Title,
    string Province,
    string District,
    long Version,
    DateTimeOffset AsOf,
    IReadOnlyList<StepRecord> CaseSteps,
    IReadOnlyList<CommitteeDossier> Committees);

/// <summary>One new committee (one branch of the procedure) and what its steps recorded, in the order they happened.</summary>
public sealed record CommitteeDossier(
    string BranchId,
    string Name,
    int Members,
    IReadOnlyList<string> Organizations,
    string Status,
    IReadOnlyList<StepRecord> Steps);

/// <summary>
/// One pass of one step: the form as submitted (labelled as the form labelled it) and what the
/// step's rule made of it. <see cref="Superseded"/>: a later return sent the committee back past it.
/// </summary>
public sealed record StepRecord(
    string StepId,
    LocalizedText Title,
    int Round,
    string? By,
    string? ByName,
    DateTimeOffset At,
    IReadOnlyList<FieldRecord> Fields,
    ConferenceRecord? Conference,
    IReadOnlyList<VerdictRecord> Verdicts,
    IReadOnlyList<OverrideRecord> Overrides,
    DecisionRecord? Decision,
    ElectionRecord? Election,
    LocalizedText? Outcome,
    ReturnRecord? Returned,
    bool Superseded);

/// <summary>A submitted field: its label and its value in words (choices by their labels, dates dd/MM/yyyy), lists as rows.</summary>
public sealed record FieldRecord(string Name, LocalizedText Label, LocalizedText? Value, IReadOnlyList<LocalizedText>? Columns, IReadOnlyList<IReadOnlyList<LocalizedText>>? Rows);

/// <summary>A confidence-vote conference and each candidate's tally with the rule's sentence.</summary>
public sealed record ConferenceRecord(
    string? Date,
    int Summoned,
    int Present,
    int? BallotsIssued,
    int? BallotsReturned,
    bool Valid,
    LocalizedText Validity,
    IReadOnlyList<TallyRecord> Tallies,
    IReadOnlyList<string> Nominations);

public sealed record TallyRecord(string Candidate, int High, int Normal, int Low, int Invalid, bool Nominated, bool Passed, string? HeadDecidedBy, LocalizedText Sentence);

/// <summary>A vetting verdict (or a reviewer's conclusion when <see cref="Candidate"/> is null).</summary>
public sealed record VerdictRecord(string? Candidate, bool Approved, string Reason, string By, string? ByName);

/// <summary>A candidate appointed despite a failed earlier step: the failures overridden, who decided and why.</summary>
public sealed record OverrideRecord(string Candidate, IReadOnlyList<LocalizedText> Failures, string DecidedBy, string Reason, string RecordedBy);

public sealed record DecisionRecord(string Number, string Date, string Signatory, IReadOnlyList<AppointeeRecord> Appointees);

public sealed record AppointeeRecord(string Name, string Position, LocalizedText PositionLabel);

public sealed record ElectionRecord(int Seats, int Summoned, int Present, IReadOnlyList<ElectedRecord> Results, string? Chair, LocalizedText Explanation);

public sealed record ElectedRecord(string Candidate, int Votes, bool Elected, LocalizedText Sentence);

/// <summary>The step sent the committee back: to which step, why, about whom.</summary>
public sealed record ReturnRecord(string ToStepId, LocalizedText ToStep, string Reason, IReadOnlyList<string> Candidates);

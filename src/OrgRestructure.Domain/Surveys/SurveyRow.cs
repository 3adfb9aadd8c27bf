namespace OrgRestructure.Domain.Surveys;

/// <summary>
/// One organization as read from a file, before validation. Every field may be missing or wrong;
/// <see cref="Location"/> says where it came from ("dòng 5" / "line 5") for messages.
/// </summary>
internal sealed record SurveyRow(
    (string Vi, string En) Location,
    string? District,
    string? DistrictKind,
    string? Bloc,
    string? Id,
    string? Name,
    string? Kind,
    string? MembersText,
    bool MembersIsNumber = true);

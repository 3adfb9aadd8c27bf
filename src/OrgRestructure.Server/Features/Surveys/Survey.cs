using System.Text.Json.Serialization;

namespace OrgRestructure.Server.Features.Surveys;

/// <summary>The survey file format of ../shared/data (district → blocs → organizations).</summary>
public sealed record Survey(
    [property: JsonPropertyName("province")] string? Province,
    [property: JsonPropertyName("surveyYear")] int? SurveyYear,
    [property: JsonPropertyName("pilotDistricts")] IReadOnlyList<string>? PilotDistricts,
    [property: JsonPropertyName("districts")] IReadOnlyList<SurveyDistrict>? Districts);

public sealed record SurveyDistrict(
    [property: JsonPropertyName("district")] string? District,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("blocs")] IReadOnlyList<SurveyBloc>? Blocs);

public sealed record SurveyBloc(
    [property: JsonPropertyName("bloc")] string? Bloc,
    [property: JsonPropertyName("organizations")] IReadOnlyList<SurveyOrganization>? Organizations);

public sealed record SurveyOrganization(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("members")] int? Members);

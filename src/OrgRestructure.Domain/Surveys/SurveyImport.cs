using OrgRestructure.Domain.Common;
using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Rules;

namespace OrgRestructure.Domain.Surveys;

public enum SurveyFormat
{
    Json,
    Csv,
}

/// <summary>
/// Turns survey text (JSON or CSV) into a <see cref="Survey"/>, or every problem found, each naming
/// the organization's id. Pure: the caller reads the file.
/// </summary>
public static class SurveyImport
{
    public static DomainResult<Survey> FromJson(string json, RuleParameters? parameters = null) =>
        SurveyJsonReader.Read(json ?? "", parameters ?? RuleParameters.Default);

    /// <summary>CSV carries no province name; pass it if known.</summary>
    public static DomainResult<Survey> FromCsv(string csv, string province = "", RuleParameters? parameters = null) =>
        SurveyCsvReader.Read(csv ?? "", province, parameters ?? RuleParameters.Default);

    public static DomainResult<Survey> Parse(string content, SurveyFormat format, RuleParameters? parameters = null) =>
        format == SurveyFormat.Json ? FromJson(content, parameters) : FromCsv(content, "", parameters);

    /// <summary>By extension (.json / .csv); otherwise JSON when the text starts with '{'.</summary>
    public static SurveyFormat DetectFormat(string? fileName, string content)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase)) return SurveyFormat.Json;
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase)) return SurveyFormat.Csv;
        return (content ?? "").TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('{') ? SurveyFormat.Json : SurveyFormat.Csv;
    }
}

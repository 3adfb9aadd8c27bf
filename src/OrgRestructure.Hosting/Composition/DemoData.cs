using OrgRestructure.Domain.Organizations;
using OrgRestructure.Domain.Surveys;

namespace OrgRestructure.Hosting.Composition;

/// <summary>Where the demo survey of the embedded default lives (null when it cannot be found).</summary>
public sealed record DemoData(string? SurveyPath)
{
    public const string SurveyFileName = "quang-nam-2014-survey.json";

    /// <summary>
    /// Looks in the data directory first, then walks up from the working directory and the
    /// application directory for <c>shared/data</c> (the repository's sibling) or <c>data</c>.
    /// </summary>
    public static string? LocateSurvey(string dataDirectory)
    {
        var candidates = new List<string> { Path.Combine(dataDirectory, SurveyFileName) };
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, "shared", "data", SurveyFileName));
                candidates.Add(Path.Combine(dir.FullName, "data", SurveyFileName));
            }
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>The demo survey read with the domain's importer; null when absent or not importable.</summary>
    public Survey? LoadSurvey()
    {
        if (SurveyPath is null)
        {
            return null;
        }

        var result = SurveyImport.FromJson(File.ReadAllText(SurveyPath));
        return result.IsSuccess ? result.Value : null;
    }
}

namespace OrgRestructure.Workflows.Tests.Support;

/// <summary>Finds the repository (the folder holding OrgRestructure.sln) and the shared survey data.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string WorkflowsDirectory => Path.Combine(Root, "workflows");

    /// <summary>../shared/data/quang-nam-2014-survey.json from the repository (looked up further for worktrees).</summary>
    public static string SurveyPath { get; } = FindSurvey();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgRestructure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrgRestructure.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindSurvey()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "quang-nam-2014-survey.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("shared/data/quang-nam-2014-survey.json not found above " + Root);
    }
}

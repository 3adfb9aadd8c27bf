namespace OrgRestructure.Domain.Tests;

/// <summary>Finds ../shared/data beside the repository (the folder holding OrgRestructure.sln).</summary>
internal static class SharedData
{
    public static string QuangNamSurveyPath => Path.Combine(Directory, "quang-nam-2014-survey.json");

    /// <summary>
    /// ../shared/data from the folder holding OrgRestructure.sln; a git worktree sits deeper than
    /// the main checkout, so the search continues upwards until a shared/data folder is found.
    /// </summary>
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrgRestructure.sln")))
            {
                dir = dir.Parent;
            }

            for (var above = dir?.Parent; above is not null; above = above.Parent)
            {
                var candidate = Path.Combine(above.FullName, "shared", "data");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("shared/data not found above the folder of OrgRestructure.sln from " + AppContext.BaseDirectory);
        }
    }
}

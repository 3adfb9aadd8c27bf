namespace OrgRestructure.Server.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder with OrgRestructure.sln) and what lives around it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "screenshots")).FullName;

    /// <summary>Each test server's JSON log, kept after its temporary data directory is deleted.</summary>
    public static string ServerLogs { get; } = Directory.CreateDirectory(Path.Combine(Root, "artifacts", "logs", "servers")).FullName;

    /// <summary>The Quảng Nam survey: ../shared/data next to the repository (or its main checkout).</summary>
    public static string Survey { get; } = FindSurvey();

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
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "quang-nam-2014-survey.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("quang-nam-2014-survey.json not found in ../shared/data");
    }
}

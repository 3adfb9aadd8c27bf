namespace OrgRestructure.Testing;

/// <summary>
/// Where things are, found from the test binaries upwards so tests work from any working
/// directory (dotnet test, an IDE, a CI checkout). The shared folder sits beside the repository.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The directory holding OrgRestructure.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>../shared relative to the repository root (design notes, the survey data).</summary>
    public static string SharedDirectory => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The Quảng Nam 2014 district survey used for the demo and in tests.</summary>
    public static string SurveyFile => Path.Combine(SharedDirectory, "data", "quang-nam-2014-survey.json");

    public static string DeployDirectory => Path.Combine(RepositoryRoot, "deploy");

    public static string WorkflowsDirectory => Path.Combine(RepositoryRoot, "workflows");

    /// <summary>artifacts/ under the repository root (test results, screenshots); created on first use.</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgRestructure.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"OrgRestructure.sln was not found above {AppContext.BaseDirectory}.");
    }
}

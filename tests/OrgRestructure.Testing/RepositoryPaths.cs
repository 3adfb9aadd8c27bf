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

    private static readonly Lazy<string> Shared = new(FindShared);

    /// <summary>
    /// ../shared relative to the repository root (design notes, the survey data). A git worktree
    /// nested deeper finds the nearest "shared" beside one of its ancestors instead;
    /// ORGRESTRUCTURE_SHARED_DIR overrides both.
    /// </summary>
    public static string SharedDirectory => Shared.Value;

    /// <summary>The Quảng Nam 2014 district survey used for the demo and in tests.</summary>
    public static string SurveyFile => Path.Combine(SharedDirectory, "data", "quang-nam-2014-survey.json");

    /// <summary>The national 2025 plan: 34 provinces, 10,035 old commune-level committees → 3,321 new units.</summary>
    public static string NationalPlanFile => Path.Combine(SharedDirectory, "data", "vietnam-2025-communes.json");

    public static string DeployDirectory => Path.Combine(RepositoryRoot, "deploy");

    public static string WorkflowsDirectory => Path.Combine(RepositoryRoot, "workflows");

    /// <summary>artifacts/ under the repository root (test results, screenshots); created on first use.</summary>
    public static string ArtifactsDirectory => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts")).FullName;

    private static string FindShared()
    {
        var configured = Environment.GetEnvironmentVariable("ORGRESTRUCTURE_SHARED_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var besideRoot = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        for (var dir = new DirectoryInfo(RepositoryRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return besideRoot;
    }

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

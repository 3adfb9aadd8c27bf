using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Infrastructure;

public sealed class RepositoryPathsTests
{
    [Fact]
    public void the_repository_root_holds_the_solution_and_the_deploy_scripts()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.RepositoryRoot, "OrgRestructure.sln")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.DeployDirectory, "postgres.sh")));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.DeployDirectory, "rabbitmq.sh")));
    }

    [Fact]
    public void the_survey_file_is_found_in_the_shared_directory()
    {
        Assert.True(File.Exists(RepositoryPaths.SurveyFile), RepositoryPaths.SurveyFile);
        Assert.StartsWith(RepositoryPaths.SharedDirectory, RepositoryPaths.SurveyFile, StringComparison.Ordinal);
    }
}

namespace OrgRestructure.Server.Tests.Infrastructure;

internal static class FirstStep
{
    /// <summary>Imports the survey, launches the pilot and completes Duy Xuyên's slate step in every branch; returns the case id.</summary>
    public static async Task<string> DoneAsync(ServerHost host)
    {
        await Scenario.ImportAndLaunchPilotAsync(host);
        var caseId = await Scenario.CaseIdAsync(host);
        await Scenario.CompleteAsync(host, caseId, "slate", Scenario.FormFor("slate", Scenario.Slate));
        return caseId;
    }
}

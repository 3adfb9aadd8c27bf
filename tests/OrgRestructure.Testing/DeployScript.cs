using System.Diagnostics;
using System.Text;

namespace OrgRestructure.Testing;

/// <summary>Runs deploy/*.sh, the same scripts an operator uses, and fails loudly with their output.</summary>
internal static class DeployScript
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var path = Path.Combine(RepositoryPaths.DeployDirectory, script);
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {path}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {string.Join(' ', args)} did not finish within {Timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', args)} failed with exit code {process.ExitCode}:\n{output}");
        }

        return output.ToString();
    }

    /// <summary>For AppDomain.ProcessExit, where nothing may be awaited.</summary>
    public static void RunAtExit(string script, params string[] args)
    {
        try
        {
            RunAsync(script, args).Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // The watchdog started with --watch-pid stops the server once this process is gone.
        }
    }
}

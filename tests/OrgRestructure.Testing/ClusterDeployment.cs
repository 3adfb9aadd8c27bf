using System.Diagnostics;
using System.Globalization;

namespace OrgRestructure.Testing;

/// <summary>
/// A real cluster started by deploy/cluster.sh, the operator's command: PostgreSQL, RabbitMQ, N
/// server nodes and HAProxy in front on <see cref="BaseAddress"/>. Stopped by <see cref="DisposeAsync"/>,
/// or by the script's watchdog if the test process dies first.
/// </summary>
public sealed class ClusterDeployment : IAsyncDisposable
{
    private const string Script = "cluster.sh";
    private readonly string _directory;
    private readonly Dictionary<string, string> _env;
    private readonly HashSet<string> _killed = new(StringComparer.Ordinal);

    private ClusterDeployment(string directory, Dictionary<string, string> env)
    {
        _directory = directory;
        _env = env;
    }

    /// <summary>HAProxy's address: every request through it may land on any node.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_env["PORT"]}/");

    public int Nodes => int.Parse(_env["NODES"], CultureInfo.InvariantCulture);

    /// <summary>Node names as the X-Served-By header gives them: node1 … nodeN.</summary>
    public IReadOnlyList<string> NodeNames => [.. Enumerable.Range(1, Nodes).Select(k => $"node{k}")];

    /// <summary>The nodes not killed by <see cref="Kill"/>, in name order.</summary>
    public IReadOnlyList<string> Running
    {
        get
        {
            lock (_killed)
            {
                return [.. NodeNames.Where(n => !_killed.Contains(n))];
            }
        }
    }

    /// <summary>A node's own address, bypassing HAProxy: for asking one node about itself (its /health).</summary>
    public Uri NodeAddress(string nodeName) => new($"http://127.0.0.1:{_env[nodeName.ToUpperInvariant() + "_PORT"]}/");

    /// <summary>The PostgreSQL database every node shares (events, notification feeds, accounts).</summary>
    public string EventStoreConnectionString => _env["EVENTSTORE"];

    public static async Task<ClusterDeployment> StartAsync(string serverDll, int nodes = 3)
    {
        var directory = ServerDirectory.Create("cluster");
        var port = FreeTcpPort.Next();
        await DeployScript.RunAsync(
            Script, "start", directory, "--nodes", nodes.ToString(CultureInfo.InvariantCulture), "--port", port.ToString(CultureInfo.InvariantCulture),
            "--server", serverDll, "--demo-users", "--watch-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var env = (await File.ReadAllLinesAsync(Path.Combine(directory, "cluster.env")))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''), StringComparer.Ordinal);
        return new ClusterDeployment(directory, env);
    }

    /// <summary>Ends a node the hard way (SIGKILL): no shutdown, no goodbye to HAProxy.</summary>
    public void Kill(string nodeName)
    {
        var pid = int.Parse(File.ReadAllText(Path.Combine(_directory, nodeName + ".pid")).Trim(), CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
        lock (_killed)
        {
            _killed.Add(nodeName);
        }
    }

    /// <summary>A node's own log, for failure messages.</summary>
    public string LogOf(string nodeName) => File.ReadAllText(Path.Combine(_directory, nodeName + ".log"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DeployScript.RunAsync(Script, "stop", _directory);
        }
        finally
        {
            ServerDirectory.Delete(_directory);
        }
    }
}

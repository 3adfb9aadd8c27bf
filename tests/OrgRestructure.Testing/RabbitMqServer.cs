using System.Globalization;

namespace OrgRestructure.Testing;

/// <summary>
/// One real RabbitMQ 3.10 (Debian's package, via deploy/rabbitmq.sh) per test process: 127.0.0.1,
/// a free port, data in a temp dir, stopped when the process exits — or, if the process is
/// killed, by the script's watchdog. Give each test class its own virtual host with
/// <see cref="CreateVirtualHostAsync"/> so classes can run in parallel.
/// </summary>
public sealed class RabbitMqServer
{
    private const string Script = "rabbitmq.sh";
    private static readonly Lazy<Task<RabbitMqServer>> Instance = new(StartNewAsync);
    private readonly string _directory;
    private readonly VirtualHostBatcher _virtualHosts;

    private RabbitMqServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
        _virtualHosts = new VirtualHostBatcher(names => DeployScript.RunAsync(Script, "ctl", DataDirectory, "eval", VirtualHostBatcher.ErlangToCreate(names)));
    }

    public static Task<RabbitMqServer> GetAsync() => Instance.Value;

    /// <summary>
    /// A separate RabbitMQ for a test that stops and starts it (outage tests), so the shared
    /// one stays up for every other test. Stop it when done; it is also stopped at exit.
    /// </summary>
    public static Task<RabbitMqServer> StartDedicatedAsync() => StartNewAsync();

    public int Port { get; }

    /// <summary>The node's directory (mnesia, logs, config).</summary>
    public string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>amqp://guest:guest@127.0.0.1:PORT/ — the default virtual host.</summary>
    public Uri DefaultVirtualHost => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    /// <summary>Creates a virtual host that guest may use fully; returns amqp://guest:guest@127.0.0.1:PORT/VHOST.</summary>
    public async Task<Uri> CreateVirtualHostAsync(string? prefix = null)
    {
        var name = UniqueName.From(prefix, maxLength: 100);
        await _virtualHosts.CreateAsync(name);
        return new Uri($"amqp://guest:guest@127.0.0.1:{Port}/{name}");
    }

    /// <summary>Evaluates an Erlang expression on the node (rabbitmqctl eval), e.g. to change a broker setting at run time.</summary>
    public Task<string> EvalAsync(string erlang) => DeployScript.RunAsync(Script, "ctl", DataDirectory, "eval", erlang);

    /// <summary>Stops the node (for outage tests); virtual hosts and durable queues stay.</summary>
    public Task StopAsync() => DeployScript.RunAsync(Script, "stop", DataDirectory);

    /// <summary>Starts the node again on the same port with the same data.</summary>
    public Task StartAsync() => StartServerAsync();

    private static async Task<RabbitMqServer> StartNewAsync()
    {
        var server = new RabbitMqServer(ServerDirectory.Create("rabbitmq"), FreeTcpPort.Next());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            DeployScript.RunAtExit(Script, "stop", server.DataDirectory);
            ServerDirectory.Delete(server._directory);
        };
        await server.StartServerAsync();
        return server;
    }

    private Task<string> StartServerAsync() => DeployScript.RunAsync(
        Script, "start", DataDirectory, Port.ToString(CultureInfo.InvariantCulture),
        "--watch-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
}

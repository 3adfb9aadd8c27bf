using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace OrgRestructure.Testing;

/// <summary>A received e-mail, headers and body decoded.</summary>
public sealed record ReceivedEmail(string To, string Subject, string Body);

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (package python3-aiosmtpd) on a free
/// loopback port, delivering into a Maildir that the test reads.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;
    private readonly string _directory;

    private SmtpTestServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpTestServer> StartAsync()
    {
        if (!File.Exists(Python) || !await HasModuleAsync())
        {
            throw new InvalidOperationException("aiosmtpd is missing: apt-get install -y python3-aiosmtpd");
        }

        var directory = Path.Combine(Path.GetTempPath(), "orgrestructure-smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(directory, "mail") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        var server = new SmtpTestServer(process, directory, port);
        await Eventually.UntilAsync(server.AcceptsAsync, "SMTP server listening", TimeSpan.FromSeconds(20));
        return server;
    }

    public IReadOnlyList<ReceivedEmail> Messages()
    {
        var folder = Path.Combine(_directory, "mail", "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Parse).ToList() : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task<bool> HasModuleAsync()
    {
        using var probe = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { "-c", "import aiosmtpd" }, RedirectStandardError = true })!;
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0;
    }

    private static ReceivedEmail Parse(string file)
    {
        using var message = MimeMessage.Load(file);
        return new ReceivedEmail(message.Headers["X-RcptTo"] ?? message.To.ToString(), message.Subject ?? string.Empty, (message.TextBody ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}

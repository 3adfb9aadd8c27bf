using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace OrgRestructure.Testing;

/// <summary>A received e-mail, headers and body decoded.</summary>
public sealed record ReceivedEmail(string To, string Subject, string Body);

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (package python3-aiosmtpd) on a free
/// loopback port, delivering into a Maildir that the test reads.
/// </summary>
public sealed partial class SmtpTestServer : IAsyncDisposable
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
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Parse(File.ReadAllText(f))).ToList() : [];
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

    // Just enough MIME for what System.Net.Mail writes: one text part, encoded-word subject, base64 or quoted-printable body.
    private static ReceivedEmail Parse(string raw)
    {
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = Regex.Replace(raw[..split], @"\r?\n[ \t]+", " ");
        var headers = headerText.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .Where(l => l.Contains(':', StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[(g.First().IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = raw[(split + 2)..];
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToUpperInvariant();
        body = encoding switch
        {
            "BASE64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "QUOTED-PRINTABLE" => DecodeQuotedPrintable(body),
            _ => body,
        };
        return new ReceivedEmail(headers.GetValueOrDefault("X-RcptTo", headers.GetValueOrDefault("To", string.Empty)), DecodeWords(headers.GetValueOrDefault("Subject", string.Empty)), body.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), m =>
            m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
                : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    private static string DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var joined = text.Replace("=\r\n", string.Empty, StringComparison.Ordinal).Replace("=\n", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}

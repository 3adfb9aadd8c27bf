using System.Diagnostics;

namespace OrgRestructure.Testing;

/// <summary>
/// Temp directories for servers started by a test run, named after the test process so that a
/// later run can delete what an interrupted one left behind.
/// </summary>
internal static class ServerDirectory
{
    private const string Prefix = "orgrestructure-test-";

    public static string Create(string kind)
    {
        SweepAbandoned();
        var path = Path.Combine(Path.GetTempPath(), $"{Prefix}{kind}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        // Not CreateTempSubdirectory: its 0700 mode would lock out the postgres/rabbitmq users.
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void SweepAbandoned()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var parts = Path.GetFileName(dir)[Prefix.Length..].Split('-');
            if (parts.Length >= 2 && int.TryParse(parts[1], out var pid) && !IsAlive(pid)
                && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddMinutes(-10))
            {
                Delete(dir);
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

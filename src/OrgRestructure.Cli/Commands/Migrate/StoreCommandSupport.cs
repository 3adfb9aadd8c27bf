using System.Data.Common;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Cli.Commands.Migrate;

/// <summary>What the store commands share: opening the configured store and reading their options.</summary>
internal static class StoreCommandSupport
{
    public static IRelationalEventStore Open(CliContext context) =>
        EventStoreFactory.Create(context.Settings.EventStoreConnectionString, context.Settings.SqlitePath);

    /// <summary>Read-only commands must not create an empty SQLite file where none was.</summary>
    public static async Task<IRelationalEventStore?> OpenExistingAsync(CliContext context)
    {
        if (!context.Settings.UsesPostgres && !File.Exists(context.Settings.SqlitePath))
        {
            await context.Error.WriteLineAsync(
                $"No event store at {context.Settings.SqlitePath}; run 'orgrestructure migrate' first. / Chưa có kho sự kiện; hãy chạy 'orgrestructure migrate'.");
            return null;
        }

        return Open(context);
    }

    /// <summary>
    /// Parses "--name value" and "--flag" options. Returns null (after printing why) on anything
    /// unknown or a missing value.
    /// </summary>
    public static async Task<Dictionary<string, string?>?> ParseAsync(
        CliContext context, IReadOnlyList<string> args, IReadOnlyCollection<string> withValue, IReadOnlyCollection<string>? flags = null)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (withValue.Contains(arg) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[arg] = args[++i];
            }
            else if (flags?.Contains(arg) == true)
            {
                options[arg] = null;
            }
            else
            {
                var why = withValue.Contains(arg) ? $"Option {arg} needs a value" : $"Unknown argument '{arg}'";
                await context.Error.WriteLineAsync($"{why}. / Tham số không hợp lệ: {arg}");
                return null;
            }
        }

        return options;
    }

    public static async Task<int> FailAsync(CliContext context, IRelationalEventStore store, Exception ex)
    {
        var detail = ex is DbException or InvalidOperationException or IOException ? ex.Message : ex.ToString();
        await context.Error.WriteLineAsync($"Event store {store.Description} failed: {detail} / Lỗi kho sự kiện.");
        return 1;
    }
}
